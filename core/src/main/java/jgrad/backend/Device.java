package jgrad.backend;

import java.util.Objects;

/**
 * Where a tensor's numbers live, and the backend that computes on them there. A {@link Storage}
 * belongs to one device and only that device's backend allocates, reads and writes it. Copies
 * between devices are explicit ({@code tensor.to(device)}); an op whose inputs live on two devices
 * is an error that names both.
 *
 * <p>{@link #CPU} is the host: Java arrays, computed by the backend {@link Backends#current()}
 * chose (scalar or SIMD). {@link #CUDA} is a GPU, or its emulation on the CPU: it has a backend
 * once the CUDA module {@linkplain #attach attaches} one. Other devices can be made with
 * {@link #create} (the test suite makes one whose storages refuse every host access).
 */
public final class Device {

    /** The host: Java arrays. */
    public static final Device CPU = new Device("cpu", null);

    /** An NVIDIA GPU (or the CUDA kernels emulated on the CPU), once a CUDA backend is attached. */
    public static final Device CUDA = new Device("cuda", null);

    private final String name;
    private volatile Backend backend;

    private Device(String name, Backend backend) {
        this.name = name;
        this.backend = backend;
    }

    /** A new device computed by {@code backend}, whose storages must report this device. */
    public static Device create(String name, Backend backend) {
        return new Device(name, Objects.requireNonNull(backend, "backend"));
    }

    /** Makes {@code backend} the one that computes on this device (the CUDA module does this when it starts). */
    public void attach(Backend backend) {
        if (this == CPU) {
            throw new IllegalArgumentException("the CPU's backend is chosen by Backends (-Djgrad.backend), not attached");
        }
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    /** The backend computing on this device, or an error saying how to get one. */
    public Backend backend() {
        if (this == CPU) {
            return Backends.current();
        }
        Backend b = backend;
        if (b == null) {
            throw new IllegalStateException("no backend runs on the " + name + " device: start one first "
                    + "(./jgrad --backend cuda on a machine with a GPU, or --backend cuda-emu to run the CUDA "
                    + "kernels on the CPU)");
        }
        return b;
    }

    /** True when a backend can compute here now. */
    public boolean isAvailable() {
        return this == CPU || backend != null;
    }

    public String name() {
        return name;
    }

    /**
     * The one device that all of an op's inputs live on. Inputs on two devices are an error naming
     * the op and both devices: jgrad never copies between devices behind the caller's back.
     */
    public static Device common(String op, Device first, Device... others) {
        for (Device d : others) {
            common(op, first, d);
        }
        return first;
    }

    /** {@link #common(String, Device, Device...)} for two inputs, the usual case, without a varargs array. */
    public static Device common(String op, Device first, Device second) {
        if (second != first) {
            throw new IllegalArgumentException(op + ": inputs live on two devices, " + first + " and " + second
                    + ": move one with to(Device." + first.name.toUpperCase(java.util.Locale.ROOT) + ") or to(Device."
                    + second.name.toUpperCase(java.util.Locale.ROOT) + ")");
        }
        return first;
    }

    @Override
    public String toString() {
        return name;
    }
}
