package jgrad.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * Reverse-mode differentiation over the dynamic graph that operations record.
 *
 * <p>{@link #backward} orders the graph topologically with an explicit stack (no recursion, so a
 * chain of any length is fine), then walks it from the output back, summing the gradients that
 * reach each tensor and adding the leaves' gradients into their {@code grad}. Gradients are
 * computed with recording off: there are no gradients of gradients.
 */
public final class Autograd {

    private static final ThreadLocal<int[]> NO_GRAD_DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    private static volatile boolean detectAnomalies;

    private Autograd() {
    }

    /** True when operations on this thread record their graph. */
    public static boolean isRecording() {
        return NO_GRAD_DEPTH.get()[0] == 0;
    }

    /**
     * Anomaly detection: when on, every op checks its output, and backward every gradient, for NaN
     * and infinity, and throws a {@link NumericAnomalyException} naming the op. Off by default (it
     * reads every number once more).
     */
    public static void detectAnomalies(boolean on) {
        detectAnomalies = on;
    }

    public static boolean detectingAnomalies() {
        return detectAnomalies;
    }

    /** Throws if t holds a NaN or an infinity; {@code what} says where it came from. */
    public static void checkFinite(Tensor t, String what) {
        double[] values;
        try (NoGrad ignored = noGrad()) {
            values = t.to(jgrad.backend.Device.CPU).toDoubleArray();   // anomaly detection opts into the copy
        }
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                throw new NumericAnomalyException(v + " in " + what + " (shape " + Shapes.format(t.shape())
                        + ", element " + i + ")");
            }
        }
    }

    /** A scope in which nothing is recorded: {@code try (var s = Autograd.noGrad()) { ... }}. */
    public static NoGrad noGrad() {
        NO_GRAD_DEPTH.get()[0]++;
        return new NoGrad();
    }

    /** The end of a no-grad scope; closing it twice is harmless. */
    public static final class NoGrad implements AutoCloseable {
        private boolean open = true;

        private NoGrad() {
        }

        @Override
        public void close() {
            if (open) {
                open = false;
                NO_GRAD_DEPTH.get()[0]--;
            }
        }
    }

    /**
     * Accumulates d(root)/d(leaf), contracted with {@code upstream}, into every leaf's {@code grad}.
     *
     * @param upstream    the gradient flowing into root, of root's shape
     * @param retainGraph keep the graph so that backward can run through it again
     */
    public static void backward(Tensor root, Tensor upstream, boolean retainGraph) {
        if (!root.requiresGrad()) {
            throw new IllegalStateException("backward(): the tensor does not require grad; no input it was "
                    + "computed from has requiresGrad(true), or it was computed under noGrad()");
        }
        if (!root.sameShape(upstream)) {
            throw new IllegalArgumentException("backward(): upstream gradient has shape "
                    + Shapes.format(upstream.shape()) + " but the tensor has shape " + Shapes.format(root.shape()));
        }
        jgrad.backend.Device.common("backward()", root.device(), upstream.device());
        GraphWalk walk = GraphWalk.take();
        try (NoGrad ignored = noGrad()) {
            walk.sortFrom(root);
            walk.pending.put(root, upstream);
            propagateAll(walk.order, walk.pending, walk.sums, retainGraph);
        } finally {
            walk.release();
        }
    }

    /** Walks the graph from the output back, handing each tensor's summed gradient to its rule. */
    private static void propagateAll(List<Tensor> order, Map<Tensor, Tensor> pending, Set<Tensor> sums,
                                     boolean retainGraph) {
        for (int i = order.size() - 1; i >= 0; i--) {
            Tensor t = order.get(i);
            Tensor g = pending.remove(t);
            boolean ours = sums.remove(g);  // handed on to the backward, which may share it: no longer ours to write
            OpRecord node = t.gradFn();
            if (g == null) {
                continue;
            }
            if (node == null) {
                t.accumulateGrad(g, ours);
                continue;
            }
            if (node.scatter() != null) {
                Tensor in = node.inputs()[0];
                if (in.requiresGrad()) {
                    node.scatter().addInto(g, ownedSum(pending, sums, in));
                }
            } else {
                propagate(node, g, pending, sums);
            }
            if (!retainGraph) {
                node.release();
            }
        }
    }

    /** Runs a node's backward rule and adds the gradients it returns to those pending for its inputs. */
    private static void propagate(OpRecord node, Tensor g, Map<Tensor, Tensor> pending, Set<Tensor> sums) {
        Tensor[] inputs = node.inputs();
        Tensor[] grads = node.apply(g);
        if (detectAnomalies) {
            for (Tensor gi : grads) {
                if (gi != null) {
                    checkFinite(gi, "the gradient computed by the backward of '" + node.op() + "'");
                }
            }
        }
        boolean fresh = node.returnsNewGradients();
        for (int k = 0; k < inputs.length; k++) {
            if (grads[k] != null && inputs[k].requiresGrad()) {
                accumulate(pending, sums, inputs[k], grads[k], fresh && grads[k].isContiguous());
            }
        }
    }

    /**
     * Adds g to the gradient pending for t. The pass owns a pending gradient when it made it (a sum)
     * or when the op that returned it vouched that nothing else references it ({@code gIsNew}); later
     * contributions (a weight used at every step) are added into an owned gradient in place rather
     * than allocating a new sum each time. A gradient the pass does not own is never written to, as
     * the op may share it.
     */
    private static void accumulate(Map<Tensor, Tensor> pending, Set<Tensor> sums, Tensor t, Tensor g, boolean gIsNew) {
        Tensor previous = pending.get(t);
        boolean sameShape = previous != null && previous.sameShape(g);
        if (previous == null) {
            pending.put(t, g);
            if (gIsNew) {
                sums.add(g);
            }
        } else if (sums.contains(previous) && sameShape) {
            InPlace.add(previous, g);
        } else if (gIsNew && sameShape) {
            InPlace.add(g, previous);
            sums.add(g);
            pending.put(t, g);
        } else {
            Tensor sum = previous.add(g);
            sums.add(sum);
            pending.put(t, sum);
        }
    }

    /**
     * The gradient pending for t as a contiguous tensor the pass owns: the pending one if the pass owns
     * it, else zeros (lent by t's op when it can, see {@link OpRecord.Backward#outputGradientBuffer}) plus
     * whatever was pending.
     */
    private static Tensor ownedSum(Map<Tensor, Tensor> pending, Set<Tensor> sums, Tensor t) {
        Tensor previous = pending.get(t);
        if (previous != null && sums.contains(previous)) {
            return previous;
        }
        Tensor sum = t.gradFn() == null ? null : t.gradFn().outputGradientBuffer();
        if (sum == null) {
            sum = Tensor.zeros(t.device(), t.dtype(), t.shape());
        }
        if (previous != null) {
            InPlace.add(sum, previous.expand(t.shape()));
        }
        sums.add(sum);
        pending.put(t, sum);
        return sum;
    }
}
