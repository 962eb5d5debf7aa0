package jgrad.cuda;

import jgrad.backend.DType;

/**
 * Everything device-specific under {@link CudaBackend}: memory, copies, kernel launches and the
 * column-major GEMM that cuBLAS provides. Two implementations: {@link GpuDriver} (JCuda and cuBLAS on
 * an NVIDIA GPU) and {@link EmulatedDriver} (the same kernels compiled by g++ for the host, called through
 * {@code java.lang.foreign}). The backend above them is one piece of code, so the emulation exercises its
 * launch shapes, argument order, offsets and device residency exactly as the GPU runs them.
 *
 * <p>Calls may be asynchronous on the device; {@link #sync} waits and reports a failed kernel.
 */
interface CudaDriver extends AutoCloseable {

    /** The backend's name on this driver: "cuda" or "cuda-emu". */
    String backendName();

    /** {@code bytes} (at least 1) of zero-filled device memory. */
    DeviceMemory allocate(long bytes);

    /**
     * The action that frees {@code memory}, runnable once from any thread (the Cleaner's included). It holds
     * no reference to the {@code memory} object, so a Cleaner can watch that object: memory stays allocated
     * while a storage or a kernel argument still refers to it.
     */
    Runnable freeing(DeviceMemory memory);

    /** Copies the whole host array to {@code dst} at {@code dstByteOffset}, and waits. */
    void copyToDevice(HostArray src, DeviceMemory dst, long dstByteOffset);

    /** Fills the whole host array from {@code src} at {@code srcByteOffset}, and waits. */
    void copyToHost(DeviceMemory src, long srcByteOffset, HostArray dst);

    /**
     * Launches {@code kernel} (its exported name, e.g. "binary_f32") on {@code grid} blocks of
     * {@code block} threads, with the arguments in the order of its C signature.
     */
    void launch(String kernel, int grid, int block, KernelArg... args);

    /**
     * cuBLAS's {@code gemm} (column-major, α = 1): out = op(first)·op(second) + β·out, with the shapes and
     * leading dimensions of {@code g}, in {@code dtype}.
     */
    void gemm(DType dtype, ColumnMajorGemm g, KernelArg.Pointer first, KernelArg.Pointer second, double beta,
              KernelArg.Pointer out);

    /** Waits for the device; a failed kernel is reported here, naming it. */
    void sync();

    /** Releases the driver's resources (memory still held by storages is freed by them). */
    @Override
    void close();
}
