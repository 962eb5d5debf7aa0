package jgrad.tensor;

import jgrad.autograd.Autograd;
import jgrad.autograd.LeafGrad;
import jgrad.autograd.OpRecord;

/**
 * The bodies of {@link Tensor}'s autograd recording (recordedAs, recordedBy, recordedAsView) and of its leaf
 * gradients, documented there: whether an op's output joins the graph, and the record that says how to
 * differentiate it.
 */
final class TensorGraph {

    private TensorGraph() {
    }

    /** Records on {@code out} that {@code op} made it from {@code inputs}, if any of them needs a gradient. */
    static Tensor recorded(Tensor out, String op, OpRecord.Backward backward, boolean newGradients, Tensor[] inputs) {
        if (needsRecord(out, op, inputs)) {
            out.gradFn = new OpRecord(op, inputs, backward, newGradients);
        }
        return out;
    }

    /** Records on {@code out} that {@code op} made it from a and b (b null for one input) under a rule. */
    static Tensor recordedBy(Tensor out, String op, OpRecord.Rule rule, boolean newGradients, Tensor a, Tensor b,
                             int flags, double number, Object saved) {
        if (needsRecord(out, op, a, b)) {
            out.gradFn = OpRecord.of(op, rule, newGradients, out, a, b, flags, number, saved);
        }
        return out;
    }

    /** Records that {@code out} is a view onto {@code input}, whose gradient the scatter rule adds into. */
    static Tensor recordedAsView(Tensor out, String op, OpRecord.Scatter scatter, Tensor input) {
        if (needsRecord(out, op, input, null)) {
            out.gradFn = new OpRecord(op, input, scatter);
        }
        return out;
    }

    /**
     * Checks the output under anomaly detection, then whether the graph records this op: if so, marks {@code out}
     * as needing a gradient. Written without a supplier of the record, which would be one more object per op.
     */
    private static boolean needsRecord(Tensor out, String op, Tensor[] inputs) {
        boolean any = false;
        for (Tensor in : inputs) {
            any |= in != null && in.requiresGrad;
        }
        return needsRecord(out, op, any);
    }

    /** {@link #needsRecord(Tensor, String, Tensor[])} of one or two inputs (b may be null), without an array of them. */
    private static boolean needsRecord(Tensor out, String op, Tensor a, Tensor b) {
        return needsRecord(out, op, a != null && a.requiresGrad || b != null && b.requiresGrad);
    }

    private static boolean needsRecord(Tensor out, String op, boolean anInputNeedsGrad) {
        if (Autograd.detectingAnomalies()) {
            Autograd.checkFinite(out, "the output of '" + op + "'");
        }
        if (!Autograd.isRecording() || !anInputNeedsGrad) {
            return false;
        }
        out.requiresGrad = true;
        return true;
    }

    /** {@link Tensor#backward()}: the upstream gradient of a scalar is 1, made where the loss lives. */
    static void backwardOfScalar(Tensor loss) {
        if (loss.numel() != 1) {
            throw new IllegalStateException("backward() without an upstream gradient needs a scalar, but this "
                    + "tensor has shape " + Shapes.format(loss.shape) + ": call backward(upstream) with a tensor of "
                    + "that shape (e.g. ones for a sum), or reduce it first with sum() or mean()");
        }
        loss.backward(Tensor.full(loss.device(), loss.dtype(), 1, loss.shape), false);
    }

    /** The gradient of a leaf, made by the first gradient it receives rather than for every tensor. */
    static LeafGrad leafGrad(Tensor leaf) {
        if (leaf.grads == null) {
            leaf.grads = new LeafGrad();
        }
        return leaf.grads;
    }
}
