package jgrad.examples;

import java.util.ArrayList;
import java.util.List;

import jgrad.backend.Backends;
import jgrad.backend.Device;
import jgrad.cuda.CudaBackend;
import jgrad.cuda.CudaProbe;

/**
 * The {@code --backend scalar|simd|cuda|cuda-emu} option that every command takes. scalar and simd choose
 * the CPU backend; cuda (a GPU) and cuda-emu (the same CUDA kernels compiled for the CPU) start a CUDA
 * backend and attach it to {@link Device#CUDA}, and {@link #device()} then says where models belong.
 */
final class BackendOption {

    private static final String CHOICES = "scalar, simd, cuda or cuda-emu";

    private static volatile Device device = Device.CPU;

    private BackendOption() {
    }

    /** Applies a {@code --backend} option if present and returns the other arguments. */
    static String[] apply(String[] args) {
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].equals("--backend")) {
                rest.add(args[i]);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new UsageException("--backend needs a value: " + CHOICES);
            }
            use(args[++i]);
        }
        return rest.toArray(String[]::new);
    }

    /** Where the chosen backend computes: {@link Device#CUDA} after {@code --backend cuda|cuda-emu}, else the CPU. */
    static Device device() {
        return device;
    }

    private static void use(String name) {
        switch (name) {
            case "scalar" -> Backends.use(Backends.scalar(), "--backend scalar");
            case "simd" -> Backends.use(Backends.simd(), "--backend simd");
            case "cuda" -> {
                CudaProbe.Status status = CudaProbe.status();
                if (!status.available()) {
                    throw new UsageException(status.reason() + " (--backend cuda needs a GPU; "
                            + "use --backend cuda-emu to run the CUDA kernels on the CPU, or simd or scalar)");
                }
                new CudaBackend();   // attaches itself to Device.CUDA
                device = Device.CUDA;
            }
            case "cuda-emu" -> {
                CudaProbe.Status status = CudaProbe.emulation();
                if (!status.available()) {
                    throw new UsageException("--backend cuda-emu: " + status.reason());
                }
                CudaBackend.emulated();   // attaches itself to Device.CUDA
                device = Device.CUDA;
            }
            default -> throw new UsageException("unknown backend '" + name + "': expected " + CHOICES);
        }
    }
}
