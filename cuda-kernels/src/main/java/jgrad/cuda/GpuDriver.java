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
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.CUstream;
import jcuda.driver.JCudaDriver;
import jcuda.jcublas.JCublas2;
import jcuda.jcublas.cublasHandle;
import jcuda.jcublas.cublasOperation;
import jcuda.runtime.cudaStream_t;
import jgrad.backend.DType;

/**
 * The {@link CudaDriver} of an NVIDIA GPU, through JCuda: device 0's primary context, one stream, the
 * kernel modules loaded from the jar's fatbins and a cuBLAS handle bound to that stream. Every call
 * first makes the context current, because CUDA contexts are per host thread and jgrad may call from
 * any thread (the Cleaner's included).
 */
final class GpuDriver implements CudaDriver {

    /** Device memory: a CUDA device pointer. */
    private record Memory(CUdeviceptr pointer, long bytes) implements DeviceMemory {
    }

    private final CUdevice device = new CUdevice();
    private final CUcontext context = new CUcontext();
    private final CUstream stream = new CUstream();
    private final cublasHandle blas = new cublasHandle();
    private final List<CUmodule> modules = new ArrayList<>();
    private final Map<String, CUfunction> functions = new ConcurrentHashMap<>();
    private volatile String lastKernel = "none";

    GpuDriver() {
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
        try (InputStream in = GpuDriver.class.getResourceAsStream("/jgrad/cuda/" + name + ".fatbin")) {
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

    private void makeCurrent() {
        check("cuCtxSetCurrent", JCudaDriver.cuCtxSetCurrent(context));
    }

    @Override
    public String backendName() {
        return "cuda";
    }

    /** cuMemAlloc refuses 0 bytes, hence the minimum of 1; zeroed on the stream before any later use. */
    @Override
    public DeviceMemory allocate(long bytes) {
        CUdeviceptr pointer = new CUdeviceptr();
        long size = Math.max(1, bytes);
        makeCurrent();
        check("cuMemAlloc(" + size + " bytes)", JCudaDriver.cuMemAlloc(pointer, size));
        check("cuMemsetD8Async", JCudaDriver.cuMemsetD8Async(pointer, (byte) 0, size, stream));
        return new Memory(pointer, size);
    }

    @Override
    public Runnable freeing(DeviceMemory memory) {
        CUdeviceptr pointer = gpu(memory).pointer();
        return () -> {
            makeCurrent();
            check("cuMemFree", JCudaDriver.cuMemFree(pointer));  // implicitly waits for kernels using it
        };
    }

    @Override
    public void copyToDevice(HostArray src, DeviceMemory dst, long dstByteOffset) {
        makeCurrent();
        check("cuMemcpyHtoDAsync", JCudaDriver.cuMemcpyHtoDAsync(gpu(dst).pointer().withByteOffset(dstByteOffset),
                host(src), src.bytes(), stream));
        sync();
    }

    @Override
    public void copyToHost(DeviceMemory src, long srcByteOffset, HostArray dst) {
        makeCurrent();
        check("cuMemcpyDtoHAsync", JCudaDriver.cuMemcpyDtoHAsync(host(dst),
                gpu(src).pointer().withByteOffset(srcByteOffset), dst.bytes(), stream));
        sync();
    }

    private static Pointer host(HostArray a) {
        return switch (a) {
            case HostArray.Floats f -> Pointer.to(f.a());
            case HostArray.Doubles d -> Pointer.to(d.a());
            case HostArray.Ints i -> Pointer.to(i.a());
        };
    }

    /** Launches a kernel by name on the stream; kernel errors surface at the next {@link #sync}. */
    @Override
    public void launch(String kernel, int grid, int block, KernelArg... args) {
        CUfunction f = functions.computeIfAbsent(kernel, this::find);
        Pointer[] params = new Pointer[args.length];
        for (int i = 0; i < args.length; i++) {
            params[i] = param(args[i]);
        }
        makeCurrent();
        lastKernel = kernel;
        check("cuLaunchKernel(" + kernel + ")", JCudaDriver.cuLaunchKernel(f, grid, 1, 1, block, 1, 1, 0, stream,
                Pointer.to(params), null));
    }

    private static Pointer param(KernelArg arg) {
        return switch (arg) {
            case KernelArg.Int v -> Pointer.to(new int[] {v.value()});
            case KernelArg.Long v -> Pointer.to(new long[] {v.value()});
            case KernelArg.Float v -> Pointer.to(new float[] {v.value()});
            case KernelArg.Double v -> Pointer.to(new double[] {v.value()});
            case KernelArg.Pointer p -> Pointer.to(device(p));
            case KernelArg.Null n -> Pointer.to(new CUdeviceptr());
            case KernelArg.IntStruct s -> Pointer.to(s.values());
        };
    }

    private static CUdeviceptr device(KernelArg.Pointer p) {
        return gpu(p.memory()).pointer().withByteOffset(p.byteOffset());
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

    @Override
    public void gemm(DType dtype, ColumnMajorGemm g, KernelArg.Pointer first, KernelArg.Pointer second, double beta,
                     KernelArg.Pointer out) {
        int opFirst = g.transFirst() ? cublasOperation.CUBLAS_OP_T : cublasOperation.CUBLAS_OP_N;
        int opSecond = g.transSecond() ? cublasOperation.CUBLAS_OP_T : cublasOperation.CUBLAS_OP_N;
        Pointer a = Pointer.to(device(first));
        Pointer b = Pointer.to(device(second));
        Pointer c = Pointer.to(device(out));
        makeCurrent();
        if (dtype == DType.F32) {
            CudaException.checkBlas("cublasSgemm", JCublas2.cublasSgemm(blas, opFirst, opSecond, g.m(), g.n(), g.k(),
                    Pointer.to(new float[] {1}), a, g.ldFirst(), b, g.ldSecond(), Pointer.to(new float[] {(float) beta}),
                    c, g.ldc()));
        } else {
            CudaException.checkBlas("cublasDgemm", JCublas2.cublasDgemm(blas, opFirst, opSecond, g.m(), g.n(), g.k(),
                    Pointer.to(new double[] {1}), a, g.ldFirst(), b, g.ldSecond(), Pointer.to(new double[] {beta}),
                    c, g.ldc()));
        }
    }

    /** Waits for the stream; an asynchronous kernel failure is reported with the last kernel launched. */
    @Override
    public void sync() {
        makeCurrent();
        check("cuStreamSynchronize (last kernel launched: " + lastKernel + ")", JCudaDriver.cuStreamSynchronize(stream));
    }

    private static Memory gpu(DeviceMemory m) {
        if (m instanceof Memory g) {
            return g;
        }
        throw new IllegalArgumentException("not GPU memory: " + m);
    }

    /** Waits for the stream and releases the stream, modules, cuBLAS handle and context. */
    @Override
    public void close() {
        sync();
        CudaException.checkBlas("cublasDestroy", JCublas2.cublasDestroy(blas));
        for (CUmodule m : modules) {
            check("cuModuleUnload", JCudaDriver.cuModuleUnload(m));
        }
        check("cuStreamDestroy", JCudaDriver.cuStreamDestroy(stream));
        check("cuDevicePrimaryCtxRelease", JCudaDriver.cuDevicePrimaryCtxRelease(device));
    }
}
