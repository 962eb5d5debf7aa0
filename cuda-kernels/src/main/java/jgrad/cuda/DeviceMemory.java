package jgrad.cuda;

/**
 * A block of device memory as one {@link CudaDriver} allocated it: a CUDA device pointer on the GPU,
 * native host memory in the emulation. Only the driver that made it can use it.
 */
interface DeviceMemory {

    /** Its size in bytes. */
    long bytes();
}
