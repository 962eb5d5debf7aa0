package jgrad.cuda;

import static jgrad.cuda.CudaException.check;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.CUstream;
import jcuda.driver.JCudaDriver;
import jcuda.jcublas.JCublas2;
import jcuda.jcublas.cublasHandle;
import jcuda.runtime.cudaStream_t;

/**
 * Device 0's primary context, the backend's one stream, the loaded kernel modules and the cuBLAS
 * handle bound to that stream. Every call from Java first makes the context current, because CUDA
 * contexts are per host thread and jgrad may call from any thread (the Cleaner's included).
 */
final class CudaContext implements AutoCloseable {

    private final CUdevice device = new CUdevice();
    private final CUcontext context = new CUcontext();
    private final CUstream stream = new CUstream();
    private final cublasHandle blas = new cublasHandle();
    private final List<CUmodule> modules = new ArrayList<>();
    private final Map<String, CUfunction> functions = new ConcurrentHashMap<>();
    private volatile String lastKernel = "none";

    CudaContext() {
        JCudaDriver.setExceptionsEnabled(false);
        JCublas2.setExceptionsEnabled(false);
        check("cuInit", JCudaDriver.cuInit(0));
        check("cuDeviceGet", JCudaDriver.cuDeviceGet(device, 0));
        check("cuDevicePrimaryCtxRetain", JCudaDriver.cuDevicePrimaryCtxRetain(context, device));
        makeCurrent();
        check("cuStreamCreate", JCudaDriver.cuStreamCreate(stream, 0));
        for (String name : CudaProbe.MODULES) {
            modules.add(load(name));
        }
        CudaException.checkBlas("cublasCreate", JCublas2.cublasCreate(blas));
        CudaException.checkBlas("cublasSetStream", JCublas2.cublasSetStream(blas, new cudaStream_t(stream)));
    }

    private static CUmodule load(String name) {
        byte[] fatbin;
        try (InputStream in = CudaContext.class.getResourceAsStream("/jgrad/cuda/" + name + ".fatbin")) {
            if (in == null) {
                throw new CudaException(name + ".fatbin is not in the jar (it was built without nvcc)");
            }
            fatbin = in.readAllBytes();
        } catch (IOException e) {
            throw new CudaException("cannot read " + name + ".fatbin: " + e.getMessage());
        }
        CUmodule module = new CUmodule();
        check("cuModuleLoadData(" + name + ".fatbin)", JCudaDriver.cuModuleLoadData(module, fatbin));
        return module;
    }

    void makeCurrent() {
        check("cuCtxSetCurrent", JCudaDriver.cuCtxSetCurrent(context));
    }

    CUstream stream() {
        return stream;
    }

    cublasHandle blas() {
        return blas;
    }

    /** Launches a kernel by name on the stream; kernel errors surface at the next {@link #sync}. */
    void launch(String kernel, int grid, int block, Pointer... params) {
        CUfunction f = functions.computeIfAbsent(kernel, this::find);
        lastKernel = kernel;
        check("cuLaunchKernel(" + kernel + ")", JCudaDriver.cuLaunchKernel(f, grid, 1, 1, block, 1, 1, 0, stream,
                Pointer.to(params), null));
    }

    private CUfunction find(String kernel) {
        for (CUmodule m : modules) {
            CUfunction f = new CUfunction();
            if (JCudaDriver.cuModuleGetFunction(f, m, kernel) == 0) {
                return f;
            }
        }
        throw new CudaException("cuModuleGetFunction: no kernel named " + kernel + " in the fatbins");
    }

    /** Waits for the stream; an asynchronous kernel failure is reported with the last kernel launched. */
    void sync() {
        check("cuStreamSynchronize (last kernel launched: " + lastKernel + ")", JCudaDriver.cuStreamSynchronize(stream));
    }

    @Override
    public void close() {
        makeCurrent();
        sync();
        CudaException.checkBlas("cublasDestroy", JCublas2.cublasDestroy(blas));
        for (CUmodule m : modules) {
            check("cuModuleUnload", JCudaDriver.cuModuleUnload(m));
        }
        check("cuStreamDestroy", JCudaDriver.cuStreamDestroy(stream));
        check("cuDevicePrimaryCtxRelease", JCudaDriver.cuDevicePrimaryCtxRelease(device));
    }
}
