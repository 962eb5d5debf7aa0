package jgrad.cuda;

import static jgrad.cuda.CudaException.check;

import java.lang.ref.Cleaner;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.JCudaDriver;
import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.backend.Storage;

/**
 * A buffer in device memory. {@link #close} frees it at once; a {@link Cleaner} frees it if the
 * storage becomes unreachable first. Its numbers reach the host only through {@link #upload} and
 * {@link #download} (which {@code tensor.to(device)} calls); {@link #get} and {@link #set} refuse.
 */
public final class CudaStorage extends Storage implements AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();

    private final CudaContext context;
    private final DType dtype;
    private final int length;
    private final CUdeviceptr pointer;
    private final Cleaner.Cleanable cleanable;
    private volatile boolean closed;

    CudaStorage(CudaContext context, DType dtype, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative storage length " + length);
        }
        this.context = context;
        this.dtype = dtype;
        this.length = length;
        this.pointer = new CUdeviceptr();
        context.makeCurrent();
        // cuMemAlloc refuses 0 bytes; one element keeps every pointer valid.
        check("cuMemAlloc(" + bytes(Math.max(1, length)) + " bytes)", JCudaDriver.cuMemAlloc(pointer, bytes(Math.max(1, length))));
        this.cleanable = CLEANER.register(this, new Free(context, pointer));
    }

    /** Frees the memory; the Cleaner holds no reference to the storage, only to what it must free. */
    private record Free(CudaContext context, CUdeviceptr pointer) implements Runnable {
        @Override
        public void run() {
            context.makeCurrent();
            check("cuMemFree", JCudaDriver.cuMemFree(pointer));  // implicitly waits for kernels using it
        }
    }

    private long bytes(long elements) {
        return elements * dtype.bytes;
    }

    /** The device address of element {@code offset}. */
    CUdeviceptr at(int offset) {
        if (closed) {
            throw new IllegalStateException("this CUDA storage was closed");
        }
        return pointer.withByteOffset(bytes(offset));
    }

    @Override public DType dtype() { return dtype; }
    @Override public Device device() { return Device.CUDA; }
    @Override public int length() { return length; }

    @Override
    public double get(int i) {
        throw refuseHostAccess("get(" + i + ")");
    }

    @Override
    public void set(int i, double v) {
        throw refuseHostAccess("set(" + i + ")");
    }

    /** Copies a whole host storage of the same dtype and length to the device. */
    public void upload(Storage host) {
        requireHostTwin(host);
        copyFromHost(host, 0, length);
    }

    /** Copies the whole device buffer into a host storage of the same dtype and length. */
    public void download(Storage host) {
        requireHostTwin(host);
        copyToHost(0, host, length);
    }

    private void requireHostTwin(Storage host) {
        if (host.device() != Device.CPU || host.dtype() != dtype || host.length() != length) {
            throw new IllegalArgumentException("host copy needs a CPU " + dtype + " storage of " + length
                    + " elements, got " + host.device() + " " + host.dtype() + " of " + host.length());
        }
    }

    private void copyFromHost(Storage host, int offset, int count) {
        checkRange(offset, count);
        context.makeCurrent();
        check("cuMemcpyHtoDAsync", JCudaDriver.cuMemcpyHtoDAsync(at(offset), hostPointer(host), bytes(count),
                context.stream()));
        context.sync();
    }

    private void copyToHost(int offset, Storage host, int count) {
        checkRange(offset, count);
        context.makeCurrent();
        check("cuMemcpyDtoHAsync", JCudaDriver.cuMemcpyDtoHAsync(hostPointer(host), at(offset), bytes(count),
                context.stream()));
        context.sync();
    }

    private void checkRange(int offset, int count) {
        if (offset < 0 || count < 0 || offset > length - count) {
            throw new IndexOutOfBoundsException("elements [" + offset + ", " + (offset + count)
                    + ") of a CUDA storage of " + length);
        }
    }

    private static Pointer hostPointer(Storage host) {
        return host instanceof Storage.F32 f ? Pointer.to(f.a) : Pointer.to(((Storage.F64) host).a);
    }

    /** Frees the device memory now; later use of this storage is an error. Idempotent. */
    @Override
    public void close() {
        closed = true;
        cleanable.clean();
    }
}
