package jgrad.autograd;

import jgrad.tensor.Tensor;

/**
 * How a tensor was made: the operation, its inputs, and the rule that turns the gradient of the
 * output into gradients of the inputs. The rule is written right under the forward, in the op.
 */
public final class Node {

    /** Maps dL/d(output) to dL/d(input i) for every input (null where an input needs none). */
    @FunctionalInterface
    public interface Backward {
        Tensor[] apply(Tensor gradOutput);
    }

    private final String op;
    private Tensor[] inputs;
    private Backward backward;

    public Node(String op, Tensor[] inputs, Backward backward) {
        this.op = op;
        this.inputs = inputs;
        this.backward = backward;
    }

    public String op() {
        return op;
    }

    Tensor[] inputs() {
        return inputs;
    }

    Tensor[] apply(Tensor gradOutput) {
        if (backward == null) {
            throw new IllegalStateException("backward through '" + op + "' a second time: the graph was freed by "
                    + "the first backward(); call backward(grad, true) the first time to keep it");
        }
        return backward.apply(gradOutput);
    }

    boolean released() {
        return backward == null;
    }

    /** Drops the saved tensors so that their memory can be reclaimed. */
    void release() {
        backward = null;
        inputs = new Tensor[0];
    }
}
