package jgrad.cuda;

/**
 * One argument of a kernel launch, as the kernel's C signature takes it. {@link CudaBackend} builds
 * launches from these values and each {@link CudaDriver} translates them: the GPU driver into JCuda
 * pointers for {@code cuLaunchKernel}, the emulation into the same {@code void**} array in native memory.
 */
sealed interface KernelArg {

    /** A C {@code int}. */
    record Int(int value) implements KernelArg {
    }

    /** A C {@code long long} or {@code unsigned long long} (a Java long's bits). */
    record Long(long value) implements KernelArg {
    }

    /** A C {@code float}. */
    record Float(float value) implements KernelArg {
    }

    /** A C {@code double}. */
    record Double(double value) implements KernelArg {
    }

    /** A device pointer: {@code byteOffset} bytes into {@code memory}. */
    record Pointer(DeviceMemory memory, long byteOffset) implements KernelArg {
    }

    /** The null device pointer (a kernel's "no such buffer"). */
    record Null() implements KernelArg {
    }

    /** A struct of ints passed by value (such as rows.cu's CopyGeometry), in field order. */
    record IntStruct(int[] values) implements KernelArg {
    }
}
