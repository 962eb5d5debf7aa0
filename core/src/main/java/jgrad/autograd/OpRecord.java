package jgrad.autograd;

import jgrad.tensor.Tensor;

/**
 * How a tensor was made: the operation, its inputs, and the rule that turns the gradient of the
 * output into gradients of the inputs. The rule is written right under the forward, in the op.
 *
 * <p>A rule is either a {@link Backward}, which returns the inputs' gradients, or a {@link Scatter}
 * for a view onto one input, which adds the output's gradient into the part of the input's
 * gradient that the view covers, so that a slice never costs a gradient of the whole input.
 */
public final class OpRecord {

    /** Maps dL/d(output) to dL/d(input i) for every input (null where an input needs none). */
    @FunctionalInterface
    public interface Backward {
        Tensor[] apply(Tensor gradOutput);

        /**
         * True when every gradient {@link #apply} returns is a new contiguous tensor that nothing
         * else references (distinct regions of one new storage are fine): the engine may then add
         * later contributions into it in place and hand it to a leaf without copying.
         */
        default boolean returnsNewGradients() {
            return false;
        }

        /**
         * A zeroed contiguous tensor of the output's shape for the engine to sum the output's gradient
         * into, or null to let it allocate one. A rule that keeps scratch memory lends it here, as the
         * sum is read only by its own {@link #apply}.
         */
        default Tensor outputGradientBuffer() {
            return null;
        }

        /** Called once, when the graph that holds this rule is freed: give back what the rule saved. */
        default void release() {
        }
    }

    /** The backward of a view onto a single input. */
    @FunctionalInterface
    public interface Scatter {
        /** inputGrad[the viewed part] += gradOutput; inputGrad is contiguous and has the input's shape. */
        void addInto(Tensor gradOutput, Tensor inputGrad);
    }

    private static final Tensor[] NO_INPUTS = {};

    private final String op;
    private Tensor[] inputs;
    private Backward backward;
    private Scatter scatter;
    /** See {@link Backward#returnsNewGradients}: set by the op when it records, so that no wrapper of its rule is made. */
    private final boolean newGradients;

    public OpRecord(String op, Tensor[] inputs, Backward backward) {
        this(op, inputs, backward, false);
    }

    /** @param newGradients whether every gradient the rule returns is new (see {@link Backward#returnsNewGradients}) */
    public OpRecord(String op, Tensor[] inputs, Backward backward, boolean newGradients) {
        this.op = op;
        this.inputs = inputs;
        this.backward = backward;
        this.newGradients = newGradients;
    }

    public OpRecord(String op, Tensor input, Scatter scatter) {
        this.op = op;
        this.inputs = new Tensor[] {input};
        this.scatter = scatter;
        this.newGradients = false;
    }

    public String op() {
        return op;
    }

    Tensor[] inputs() {
        return inputs;
    }

    /** The scatter rule of a view, or null for a node with a {@link Backward}. */
    Scatter scatter() {
        checkNotReleased();
        return scatter;
    }

    Tensor[] apply(Tensor gradOutput) {
        checkNotReleased();
        return backward.apply(gradOutput);
    }

    boolean returnsNewGradients() {
        return backward != null && (newGradients || backward.returnsNewGradients());
    }

    /** See {@link Backward#outputGradientBuffer}; null for a view, whose gradient is summed in a new tensor. */
    Tensor outputGradientBuffer() {
        return backward == null ? null : backward.outputGradientBuffer();
    }

    boolean released() {
        return backward == null && scatter == null;
    }

    private void checkNotReleased() {
        if (released()) {
            throw new IllegalStateException("backward through '" + op + "' a second time: the graph was freed by "
                    + "the first backward(); call backward(grad, true) the first time to keep it");
        }
    }

    /** Drops the saved tensors so that their memory can be reclaimed, and tells the rule. */
    void release() {
        if (backward != null) {
            backward.release();
        }
        backward = null;
        scatter = null;
        inputs = NO_INPUTS;
    }
}
