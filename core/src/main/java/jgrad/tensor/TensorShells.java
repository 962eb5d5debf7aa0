package jgrad.tensor;

import jgrad.backend.Arena;
import jgrad.backend.Storage;

/**
 * The tensor objects an {@link Arena} step scope lends and takes back, so that a training step's graph costs no
 * tensor objects from one step to the next. A tensor taken back points at {@link RecycledStorage}: code still using
 * it fails at once, naming the cause, rather than read whatever the next step put in its storage.
 */
final class TensorShells {

    /** Tensor objects made in an {@link Arena} scope are lent by it and taken back at its close (see {@link #shell}). */
    private static final Arena.Kind<Tensor> SHELLS = Arena.Kind.of(Tensor::new, TensorShells::recycle);
    /** The storage of a tensor taken back by its arena: any use of it fails, naming the cause. */
    static final Storage RECYCLED = new RecycledStorage();

    private TensorShells() {
    }

    /**
     * A tensor object for arrays already shared ({@link ShapeTable}): lent by the open {@link Arena} scope if any (the
     * graph's tensors then cost no objects from step to step), else new. A lent one is blank: {@link #recycle} cleared
     * it when its last scope closed.
     */
    static Tensor shell(Storage storage, int offset, int[] sharedShape, int[] sharedStrides) {
        Tensor t = Arena.lend(SHELLS);
        t.storage = storage;
        t.shape = sharedShape;
        t.strides = sharedStrides;
        t.offset = offset;
        return t;
    }

    /** A contiguous {@link #shell} over storage from its start. */
    static Tensor contiguousShell(Storage storage, int[] sharedShape) {
        return shell(storage, 0, sharedShape, ShapeTable.rowMajorStrides(sharedShape));
    }

    /** A row-major {@link #shell} over storage from {@code offset}. */
    static Tensor rowMajorShell(Storage storage, int offset, int[] sharedShape) {
        return shell(storage, offset, sharedShape, ShapeTable.rowMajorStrides(sharedShape));
    }

    /**
     * Clears a tensor its arena took back, so that it holds nothing of its step and so that code still using it
     * fails at once ({@link RecycledStorage}) rather than read whatever the next step put in its storage.
     */
    private static void recycle(Tensor t, boolean poison) {
        t.storage = RECYCLED;
        t.requiresGrad = false;
        t.grads = null;
        t.gradFn = null;
        t.sparseGrad = false;
    }
}
