package jgrad.tensor;

import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.backend.Storage;

/**
 * What a tensor points at once the {@link jgrad.backend.Arena} scope that made it has closed and taken it back: every
 * use fails with an explanation, instead of reading the numbers of whatever the next step puts there.
 */
final class RecycledStorage extends Storage {

    /** The error for a tensor used after its scope. */
    static IllegalStateException used() {
        return new IllegalStateException("a tensor computed inside an Arena scope was used after the scope closed: "
                + "its memory belongs to later steps; copy out what you keep (item(), toFloatArray(), or a copy made "
                + "inside Arena.outside) before the scope ends");
    }

    @Override
    public DType dtype() {
        throw used();
    }

    @Override
    public Device device() {
        throw used();
    }

    @Override
    public int length() {
        throw used();
    }

    @Override
    public double get(int i) {
        throw used();
    }

    @Override
    public void set(int i, double v) {
        throw used();
    }
}
