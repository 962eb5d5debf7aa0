package jgrad.backend;

/**
 * A flat buffer of numbers on one {@link Device}. Tensors are views (shape, strides, offset) onto a
 * storage. Host storages are {@link F32} and {@link F64}, whose arrays the CPU backends read
 * directly; other devices add their own subclasses, made by their backend's
 * {@link Backend#allocate}. {@link #get} and {@link #set} read one host element; on any other
 * device they are an error, never a silent copy: host access goes through {@code tensor.to(Device.CPU)}.
 */
public abstract class Storage {

    public abstract DType dtype();

    public abstract Device device();

    public abstract int length();

    /** Element i of a host storage; other devices refuse (see {@link #refuseHostAccess}). */
    public abstract double get(int i);

    /** Writes element i of a host storage; other devices refuse. */
    public abstract void set(int i, double v);

    /** The error a device storage gives for {@code get}/{@code set}: host access must be an explicit transfer. */
    protected final IllegalStateException refuseHostAccess(String what) {
        return new IllegalStateException(what + " on a storage of the " + device() + " device: its numbers are "
                + "not in host memory; copy the tensor with to(Device.CPU) first");
    }

    /** A new zero-filled host storage (the CPU backends' {@link Backend#allocate}). */
    public static Storage onHost(DType dtype, int length) {
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
