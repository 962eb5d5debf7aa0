package jgrad.backend;

/**
 * A flat buffer of numbers. Tensors are views (shape, strides, offset) onto a storage.
 * Host storages are {@link F32} and {@link F64}; other devices add their own subclasses.
 * Backends read the array directly; {@link #get} and {@link #set} are for everything else.
 */
public abstract class Storage {

    public abstract DType dtype();

    public abstract Device device();

    public abstract int length();

    public abstract double get(int i);

    public abstract void set(int i, double v);

    public static Storage allocate(DType dtype, int length) {
        return dtype == DType.F32 ? new F32(new float[length]) : new F64(new double[length]);
    }

    /** Float storage on the host. */
    public static final class F32 extends Storage {
        public final float[] a;

        public F32(float[] a) {
            this.a = a;
        }

        @Override public DType dtype() { return DType.F32; }
        @Override public Device device() { return Device.CPU; }
        @Override public int length() { return a.length; }
        @Override public double get(int i) { return a[i]; }
        @Override public void set(int i, double v) { a[i] = (float) v; }
    }

    /** Double storage on the host. */
    public static final class F64 extends Storage {
        public final double[] a;

        public F64(double[] a) {
            this.a = a;
        }

        @Override public DType dtype() { return DType.F64; }
        @Override public Device device() { return Device.CPU; }
        @Override public int length() { return a.length; }
        @Override public double get(int i) { return a[i]; }
        @Override public void set(int i, double v) { a[i] = v; }
    }
}
