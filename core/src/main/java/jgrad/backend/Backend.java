package jgrad.backend;


/**
 * The narrow set of numeric kernels. Every loop over numbers in jgrad runs behind this interface.
 *
 * <p>A backend computes on one {@link Device}: it allocates that device's storages and its kernels
 * take only those. The CPU backends (scalar, SIMD) take host storages; {@code CudaBackend} takes
 * its own device buffers. All buffers of a call are {@link Storage}s of one dtype (the caller checks that). Offsets and strides
 * are in elements. Matrices are row-major with a leading dimension (the distance between rows).
 * {@link ScalarBackend} is the reference: plain loops, written to be read beside the formula.
 * Every other backend is tested against it.
 *
 * <p>The kernels come in families, one interface each: {@link MatrixKernels}, {@link ElementwiseKernels},
 * {@link ReductionKernels}, {@link IndexingKernels}, {@link MemoryKernels}, {@link RandomKernels},
 * {@link ConvolutionKernels}, {@link OptimizerKernels}, {@link GradientKernels}, {@link RecurrentKernels},
 * {@link AttentionKernels} and {@link NormalizationKernels}. This interface gathers them and holds what is
 * about the backend as a whole: its name, its device, its storages and how it shares work among threads.
 */
public non-sealed interface Backend extends MatrixKernels, ElementwiseKernels, ReductionKernels, IndexingKernels,
        MemoryKernels, RandomKernels, ConvolutionKernels, OptimizerKernels, GradientKernels, RecurrentKernels,
        AttentionKernels, NormalizationKernels {

    /** A short name: "scalar", "simd", "cuda", "cuda-emu". */
    String name();

    /** The device whose storages this backend allocates and computes on. */
    default Device device() {
        return Device.CPU;
    }

    /**
     * A zero-filled storage on this backend's device; on the host it is lent by the thread's open
     * {@link Arena} step scope when there is one.
     */
    default Storage allocate(DType dtype, int length) {
        return Arena.hostStorage(dtype, length);
    }

    /**
     * A storage on this backend's device for an output that its kernel overwrites entirely, so its contents
     * are unspecified: a CPU backend skips clearing a storage its {@link Arena} lends again. The default is
     * {@link #allocate}.
     */
    default Storage allocateForOverwrite(DType dtype, int length) {
        return allocate(dtype, length);
    }

    /** A copy of a whole host storage on this backend's device (for the CPU: a new array). */
    default Storage upload(Storage host) {
        Storage copy = Storage.onHost(host.dtype(), host.length());
        copy(new int[] {host.length()}, host, 0, new int[] {1}, copy, 0);
        return copy;
    }

    /** A host copy of a whole storage of this backend's device. */
    default Storage download(Storage mine) {
        return upload(mine);
    }

    /**
     * Runs {@code body.run(lo, hi)} over slices that cover [0, n) once: side by side where the backend has threads and
     * the work ({@code workPerItem} per item, in multiply-adds) is worth it, else as one slice. For kernels whose items
     * are independent, such as a recurrence over a batch of sequences: each slice must give the bits it gives
     * whatever the cut, so that the result does not depend on the thread count.
     */
    default void forSlices(int n, long workPerItem, SliceBody body) {
        body.run(0, n);
    }

    /** The work of {@link #forSlices} on items [lo, hi). */
    @FunctionalInterface
    interface SliceBody {
        void run(int lo, int hi);
    }
}
