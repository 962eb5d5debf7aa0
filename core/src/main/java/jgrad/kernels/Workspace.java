package jgrad.kernels;

import java.lang.ref.SoftReference;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jgrad.backend.Arena;
import jgrad.backend.Device;
import jgrad.backend.DType;
import jgrad.tensor.Shapes;
import jgrad.backend.Storage;
import jgrad.tensor.Tensor;

/**
 * Scratch buffers that a fused recurrent kernel keeps from one call to the next, so that training at
 * a steady shape allocates none of its pre-activations, activations, saved states or BPTT
 * temporaries. Each buffer has a name; asking for more elements than a name holds replaces its
 * storage, asking for fewer reuses it, so a workspace serves calls of any shape. Contents are not
 * cleared: a kernel writes every element before it reads it, or asks for {@link #zeros}.
 *
 * <p>A layer keeps one idle workspace in its {@link Pool}. A call takes it (or a new one when another
 * call holds it) and gives it back when its graph is freed after backward, or at once when nothing
 * was recorded. The pool holds it softly: a layer that trains keeps it from step to step, but one
 * left idle (the benchmark's LSTM holds about 55 MB) is let go when the heap needs the room, and the
 * next call allocates its buffers again.
 */
public final class Workspace {

    private final Map<String, Storage> buffers = new HashMap<>();
    /** Where the caller computes: buffers from another device are replaced (the model moved). */
    private Device device = Device.CPU;

    /** A contiguous tensor of this shape over the storage named {@code name}, holding whatever it held. */
    Tensor get(String name, DType dtype, int... shape) {
        int n = Shapes.numel(shape);
        Storage s = buffers.get(name);
        if (s == null || s.dtype() != dtype || s.length() < n || s.device() != device) {
            Device at = device;
            s = Arena.outside(() -> at.backend().allocate(dtype, n));   // kept from call to call
            buffers.put(name, s);
        }
        return Tensor.rowMajorView(s, 0, shape);
    }

    /** {@link #get}, filled with zeros. */
    Tensor zeros(String name, DType dtype, int... shape) {
        Tensor t = get(name, dtype, shape);
        t.backend().fill(t.numel(), t.storage(), 0, 0);
        return t;
    }

    /** The idle workspace of one layer: taken by a call, given back when the call's buffers are free. */
    public static final class Pool {

        private final AtomicReference<SoftReference<Workspace>> idle = new AtomicReference<>();

        /**
         * The idle workspace, or a new one when a call in flight holds it or the collector took it,
         * serving calls on {@code device}.
         */
        Workspace take(Device device) {
            SoftReference<Workspace> ref = idle.getAndSet(null);
            Workspace w = ref == null ? null : ref.get();
            w = w != null ? w : new Workspace();
            w.device = device;
            return w;
        }

        void give(Workspace w) {
            idle.set(new SoftReference<>(w));
        }
    }
}
