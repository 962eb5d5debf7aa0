package jgrad.autograd;

import java.util.Arrays;

import jgrad.backend.Arena;
import jgrad.tensor.Tensor;

/**
 * How a tensor was made: the operation, its inputs, and the rule that turns the gradient of the
 * output into gradients of the inputs. The rule is written right under the forward, in the op.
 *
 * <p>A rule is a {@link Backward}, which returns the inputs' gradients, a {@link Scatter} for a view onto one input,
 * which adds the output's gradient into the part of the input's gradient that the view covers (so that a slice never
 * costs a gradient of the whole input), or a {@link Rule}.
 *
 * <p>A {@link Backward} is a lambda that captures what it needs, so every op that records one makes an object. The
 * ops of a training step's usual path record a {@link Rule} instead: one constant object per kind of op that reads
 * what it needs from the record, namely its {@link #input inputs}, its {@link #output}, and what the forward
 * {@linkplain Tensor#recordedBy saved} in three slots ({@link #flags}, {@link #number}, {@link #saved}), and returns
 * its gradients in the record's own array ({@link #gradients}). Such a record is lent by the open
 * {@link jgrad.backend.Arena} scope with its arrays, like the tensors it links, and taken back at the scope's close:
 * the contract that a tensor computed in a scope is invalid after it is the contract of its record too (a record
 * used after its scope fails with an explanation). Outside a scope it is a new object, as any other.
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

    /**
     * A backward rule that captures nothing: the gradients of a record's inputs from the gradient of its output,
     * returned as {@code r.gradients(...)} (null where an input needs none).
     */
    @FunctionalInterface
    public interface Rule {
        Tensor[] apply(OpRecord r, Tensor gradOutput);
    }

    /** The backward of a view onto a single input. */
    @FunctionalInterface
    public interface Scatter {
        /** inputGrad[the viewed part] += gradOutput; inputGrad is contiguous and has the input's shape. */
        void addInto(Tensor gradOutput, Tensor inputGrad);
    }

    private static final Tensor[] NO_INPUTS = {};
    /** Records with a {@link Rule} of one and of two inputs, lent by a step's arena. */
    private static final Arena.Kind<OpRecord> OF_ONE = Arena.Kind.of(() -> new OpRecord(1), OpRecord::recycle);
    private static final Arena.Kind<OpRecord> OF_TWO = Arena.Kind.of(() -> new OpRecord(2), OpRecord::recycle);

    private String op;
    private Tensor[] inputs;
    private Backward backward;
    private Scatter scatter;
    /** See {@link Backward#returnsNewGradients}: set by the op when it records, so that no wrapper of its rule is made. */
    private boolean newGradients;

    private Rule rule;
    private Tensor output;
    private int flags;
    private double number;
    private Object saved;
    /** A lent record's own arrays for its inputs and their gradients, kept for its next use. */
    private Tensor[] ownInputs;
    private Tensor[] ownGradients;
    /** Set when an arena took this record back: using it then is an error that says so. */
    private boolean recycled;

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

    private OpRecord(int arity) {
        ownInputs = new Tensor[arity];
        ownGradients = new Tensor[arity];
    }

    /**
     * The record of {@code output = op(a[, b])} under a {@link Rule} (b null for one input), lent by the open arena
     * scope if there is one; {@code flags}, {@code number} and {@code saved} are what the rule will read.
     */
    public static OpRecord of(String op, Rule rule, boolean newGradients, Tensor output, Tensor a, Tensor b,
                              int flags, double number, Object saved) {
        OpRecord r = Arena.lend(b == null ? OF_ONE : OF_TWO);
        r.recycled = false;
        r.op = op;
        r.rule = rule;
        r.newGradients = newGradients;
        r.output = output;
        r.flags = flags;
        r.number = number;
        r.saved = saved;
        r.inputs = r.ownInputs;
        r.inputs[0] = a;
        if (b != null) {
            r.inputs[1] = b;
        }
        return r;
    }

    /** Clears a record its arena took back, keeping its arrays (see {@link Arena.Kind}). */
    private static void recycle(OpRecord r, boolean poison) {
        r.release();
        r.op = null;
        r.recycled = true;
    }

    /** Input i of the op. */
    public Tensor input(int i) {
        return inputs[i];
    }

    /** The tensor this record made. */
    public Tensor output() {
        return output;
    }

    /** What the forward saved for a {@link Rule}: bits, a number, an object. */
    public int flags() {
        return flags;
    }

    public double number() {
        return number;
    }

    public Object saved() {
        return saved;
    }

    /** The gradient of a one-input op, in this record's own array: what a {@link Rule} returns. */
    public Tensor[] gradients(Tensor ga) {
        ownGradients[0] = ga;
        return ownGradients;
    }

    /** The gradients of a two-input op, in this record's own array. */
    public Tensor[] gradients(Tensor ga, Tensor gb) {
        ownGradients[0] = ga;
        ownGradients[1] = gb;
        return ownGradients;
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
        return rule != null ? rule.apply(this, gradOutput) : backward.apply(gradOutput);
    }

    boolean returnsNewGradients() {
        return rule != null ? newGradients : backward != null && (newGradients || backward.returnsNewGradients());
    }

    /** See {@link Backward#outputGradientBuffer}; null for a view, whose gradient is summed in a new tensor. */
    Tensor outputGradientBuffer() {
        return backward == null ? null : backward.outputGradientBuffer();
    }

    boolean released() {
        return backward == null && scatter == null && rule == null;
    }

    private void checkNotReleased() {
        if (recycled) {
            throw new IllegalStateException("backward through an op of an Arena scope that has closed: the graph "
                    + "computed inside a scope is invalid after it; run backward() before the scope ends");
        }
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
        if (ownInputs != null) {
            rule = null;
            output = null;
            saved = null;
            Arrays.fill(ownInputs, null);
            Arrays.fill(ownGradients, null);
        }
    }
}
