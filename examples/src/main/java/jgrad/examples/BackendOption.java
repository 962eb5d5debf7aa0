package jgrad.examples;

import java.util.ArrayList;
import java.util.List;

import jgrad.backend.Backends;
import jgrad.backend.Device;
import jgrad.cuda.CudaBackend;
import jgrad.cuda.CudaProbe;

/**
 * The {@code --backend scalar|simd|cuda} option that every command takes. scalar and simd choose
 * the CPU's backend; cuda starts a CUDA backend on {@link Device#CUDA}, and the commands then put
 * their models (and with them every batch) on that device.
 */
final class BackendOption {

    private static Device device = Device.CPU;

    private BackendOption() {
    }

    /** Where the commands put their models: the CPU, or the CUDA device that {@code --backend cuda} started. */
    static Device device() {
        return device;
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
                throw new UsageException("--backend needs a value: scalar, simd or cuda");
            }
            use(args[++i]);
        }
        return rest.toArray(String[]::new);
    }

    private static void use(String name) {
        switch (name) {
            case "scalar" -> Backends.use(Backends.scalar(), "--backend scalar");
            case "simd" -> Backends.use(Backends.simd(), "--backend simd");
            case "cuda" -> {
                CudaProbe.Status status = CudaProbe.status();
                if (!status.available()) {
                    throw new UsageException(status.reason() + " (--backend cuda needs a GPU; "
                            + "use --backend simd or scalar)");
                }
                new CudaBackend();      // attaches itself to Device.CUDA
                device = Device.CUDA;
            }
            default -> throw new UsageException("unknown backend '" + name + "': expected scalar, simd or cuda");
        }
    }
}
