package jgrad.cuda;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;
import jcuda.jcublas.JCublas2;

/**
 * Whether this JVM can use the CUDA backend, and why not. Probes once and caches the answer: JCuda
 * throws {@link UnsatisfiedLinkError} on the first touch of a missing native library and
 * {@link NoClassDefFoundError} on every later one, so a second probe could only report the wrong
 * reason. Every way to fail (no JCuda, no driver, no libcublas.so.12, no device, no kernels in the
 * jar, kernels the device cannot load) becomes a reason, never a crash.
 */
public final class CudaProbe {

    /** The probe's answer: {@code reason} describes the device when available, else says "no GPU: …". */
    public record Status(boolean available, String reason) {
    }

    /** The kernel modules the build puts under /jgrad/cuda/ in the jar. */
    static final String[] MODULES = {"elementwise", "reduce", "rows", "optim", "lstm", "attention", "random", "rnn",
        "gru", "conv"};

    private static final Pattern MISSING_SO = Pattern.compile("([\\w.+-]+\\.so[\\w.]*): cannot open shared object file");

    private static final class Holder {
        static final Status STATUS = probe();
    }

    private static final class EmulationHolder {
        static final Status STATUS = probeEmulation();
    }

    private CudaProbe() {
    }

    /** The cached probe result; the first call probes (and may take a second where a GPU exists). */
    public static Status status() {
        return Holder.STATUS;
    }

    /** The status as one line, for {@code ./jgrad info}. */
    public static String describe() {
        Status s = status();
        return s.available() ? "CUDA: available, " + s.reason() : "CUDA: " + s.reason();
    }

    /**
     * Whether the cuda-emu backend ({@link CudaBackend#emulated()}) can run here: it needs a C++20 g++.
     * Cached. It does not compile the kernels (the first {@code emulated()} does, once per source version),
     * so a compile error is the backend's exception, not a reason to skip.
     */
    public static Status emulation() {
        return EmulationHolder.STATUS;
    }

    /** The emulation's status as one line, for {@code ./jgrad info}. */
    public static String describeEmulation() {
        Status s = emulation();
        return s.available() ? "cuda-emu: available, " + s.reason() : "cuda-emu: " + s.reason();
    }

    private static Status probeEmulation() {
        String[] why = new String[1];
        String version = EmulatorLibrary.compilerVersion(why);
        if (version == null) {
            return new Status(false, "not available: " + why[0]);
        }
        try {
            java.nio.file.Path lib = EmulatorLibrary.libraryPath(version);
            return new Status(true, "the CUDA kernels compiled by " + version + " for this CPU ("
                    + (java.nio.file.Files.isRegularFile(lib) ? "cached in " : "compiled on first use into ") + lib + ")");
        } catch (CudaException e) {
            return new Status(false, "not available: " + e.getMessage());
        }
    }

    private static Status probe() {
        try {
            String missing = driverProblem();
            if (missing == null) {
                missing = blasProblem();
            }
            if (missing == null) {
                missing = kernelsProblem();
            }
            if (missing != null) {
                return new Status(false, "no GPU: " + missing);
            }
            return deviceStatus();
        } catch (LinkageError | RuntimeException e) {
            return new Status(false, "no GPU: " + e);
        }
    }

    private static String driverProblem() {
        int result;
        try {
            JCudaDriver.setExceptionsEnabled(false);
            result = JCudaDriver.cuInit(0);
        } catch (NoClassDefFoundError e) {
            return "JCuda is not usable in this JVM (" + e.getMessage() + ")";
        } catch (UnsatisfiedLinkError e) {
            return "no CUDA driver (" + missingLibrary(e) + ")";
        }
        if (result == CUresult.CUDA_ERROR_NO_DEVICE) {
            return "no CUDA device";
        }
        if (result != CUresult.CUDA_SUCCESS) {
            return "cuInit failed: " + CUresult.stringFor(result);
        }
        int[] count = {0};
        int r = JCudaDriver.cuDeviceGetCount(count);
        return r != CUresult.CUDA_SUCCESS ? "cuDeviceGetCount failed: " + CUresult.stringFor(r)
                : count[0] == 0 ? "no CUDA device" : null;
    }

    private static String blasProblem() {
        try {
            JCublas2.setExceptionsEnabled(false);  // the first touch loads libJCublas2 and libcublas.so.12
            return null;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return "no cuBLAS (" + missingLibrary(e) + "; JCuda 12.6 needs the CUDA 12 libcublas.so.12)";
        }
    }

    private static String kernelsProblem() {
        for (String module : MODULES) {
            if (CudaProbe.class.getResource("/jgrad/cuda/" + module + ".fatbin") == null) {
                return "no kernels: this jgrad-cuda-kernels jar was built without nvcc (" + module
                        + ".fatbin is missing)";
            }
        }
        return null;
    }

    /** A device exists: describe it, and load the kernels once to be sure the driver accepts them. */
    private static Status deviceStatus() {
        CUdevice device = new CUdevice();
        CudaException.check("cuDeviceGet", JCudaDriver.cuDeviceGet(device, 0));
        byte[] name = new byte[256];
        CudaException.check("cuDeviceGetName", JCudaDriver.cuDeviceGetName(name, name.length, device));
        int major = attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR);
        int minor = attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR);
        int[] driver = {0};
        CudaException.check("cuDriverGetVersion", JCudaDriver.cuDriverGetVersion(driver));
        String what = new String(name).trim().replace("\0", "") + ", sm_" + major + minor + ", driver CUDA "
                + driver[0] / 1000 + "." + driver[0] % 1000 / 10;
        if (major < 8) {
            return new Status(false, "no GPU: " + what + " is older than sm_80, the oldest the kernels are built for");
        }
        try (CudaBackend ignored = new CudaBackend()) {
            return new Status(true, what);
        } catch (CudaException e) {
            return new Status(false, "no GPU: " + what + ", but " + e.getMessage()
                    + " (the SASS covers sm_80/86/89/90; newer devices JIT the PTX 9.0, which needs a CUDA 13 driver)");
        }
    }

    private static int attribute(CUdevice device, int attribute) {
        int[] v = {0};
        CudaException.check("cuDeviceGetAttribute", JCudaDriver.cuDeviceGetAttribute(v, attribute, device));
        return v[0];
    }

    /** JCuda's message nests the loader's; the useful part is the shared object that would not open. */
    private static String missingLibrary(Throwable e) {
        String m = String.valueOf(e.getMessage());
        Matcher missing = MISSING_SO.matcher(m);
        if (missing.find()) {
            return missing.group(1) + " cannot be loaded";
        }
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }
}
