package jgrad.cuda;

import java.lang.ref.Cleaner;
import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.backend.Storage;

/**
 * A buffer in device memory (on the GPU, or native memory under the emulation). {@link #close} frees it
 * at once; a {@link Cleaner} frees it once neither the storage nor a launch refers to it. Its numbers reach the
 * host only through {@link #upload} and {@link #download} (which {@code tensor.to(device)} calls);
 * {@link #get} and {@link #set} refuse.
 */
public final class CudaStorage extends Storage implements AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();

    private final CudaDriver driver;
    private final DType dtype;
    private final int length;
    private final DeviceMemory memory;
    private final Cleaner.Cleanable cleanable;
    private volatile boolean closed;

    /** Zero-filled. */
    CudaStorage(CudaDriver driver, DType dtype, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative storage length " + length);
        }
        this.driver = driver;
        this.dtype = dtype;
        this.length = length;
        this.memory = driver.allocate((long) length * dtype.bytes);
        // Watches the memory, not the storage: a kernel argument pointing into it keeps it alive too.
        this.cleanable = CLEANER.register(memory, driver.freeing(memory));
    }

    private long bytes(long elements) {
        return elements * dtype.bytes;
    }

    /** The device address of element {@code offset}, as a kernel argument. */
    KernelArg.Pointer at(int offset) {
        if (closed) {
            throw new IllegalStateException("this CUDA storage was closed");
        }
        if (offset < 0 || offset > Math.max(0, length)) {
            throw new IndexOutOfBoundsException("offset " + offset + " into a CUDA storage of " + length);
        }
        return new KernelArg.Pointer(memory, bytes(offset));
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
        driver.copyToDevice(HostArray.of(host), memory, 0);
    }

    /** Copies the whole device buffer into a host storage of the same dtype and length. */
    public void download(Storage host) {
        requireHostTwin(host);
        driver.copyToHost(memory, 0, HostArray.of(host));
    }

    private void requireHostTwin(Storage host) {
        if (host.device() != Device.CPU || host.dtype() != dtype || host.length() != length) {
            throw new IllegalArgumentException("host copy needs a CPU " + dtype + " storage of " + length
                    + " elements, got " + host.device() + " " + host.dtype() + " of " + host.length());
        }
        if (closed) {
            throw new IllegalStateException("this CUDA storage was closed");
        }
    }

    /** Frees the device memory now; later use of this storage is an error. Idempotent. */
    @Override
    public void close() {
        closed = true;
        cleanable.clean();
    }
}
