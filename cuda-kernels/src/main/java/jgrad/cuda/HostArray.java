package jgrad.cuda;

import jgrad.backend.Storage;

/** A Java array that a {@link CudaDriver} copies to or from device memory, whole. */
sealed interface HostArray {

    /** The array's size in bytes. */
    long bytes();

    /** float[] */
    record Floats(float[] a) implements HostArray {
        @Override public long bytes() { return 4L * a.length; }
    }

    /** double[] */
    record Doubles(double[] a) implements HostArray {
        @Override public long bytes() { return 8L * a.length; }
    }

    /** int[] (gather and scatter ids) */
    record Ints(int[] a) implements HostArray {
        @Override public long bytes() { return 4L * a.length; }
    }

    /** The array of a host storage. */
    static HostArray of(Storage host) {
        return switch (host) {
            case Storage.F32 f -> new Floats(f.a);
            case Storage.F64 d -> new Doubles(d.a);
            default -> throw new IllegalArgumentException("not a host storage: a " + host.device() + " "
                    + host.getClass().getSimpleName());
        };
    }
}
