package jgrad.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jgrad.autograd.RowGrad;
import jgrad.nn.Module;
import jgrad.tensor.Shapes;
import jgrad.tensor.Storage;
import jgrad.tensor.Tensor;

/**
 * Updates parameters in place from their gradients. Subclasses give one update rule,
 * element by element ({@link #update}); this class decides which elements to visit.
 *
 * <p>One {@link #step()}: the learning rate is taken from the {@link LearningRateSchedule} if there
 * is one; the gradients are clipped to a global norm if asked; then each parameter with a gradient
 * is updated with g ← g + ∂R/∂w when a {@link Regularizer} applies to it.
 *
 * <p><b>Lazy (row-sparse) updates.</b> A table marked {@code sparseGrad(true)} and read through
 * {@code gatherRows} has a {@link RowGrad}: only the rows looked up in the batch. The rule is then
 * applied to those rows only, so a step costs the batch, not the table. For rules with state
 * (momentum, Adam's moments, accumulators) this is what TensorFlow calls <i>lazy</i>: the state of
 * a row that was not looked up is neither read nor decayed, so a row seen rarely keeps the
 * moments of its last visit instead of having them shrink toward zero. It is the same as the dense
 * rule when every row is touched each step, and for plain SGD it is always the same.
 * The step count t used by bias corrections counts the steps in which the parameter had a
 * gradient (as PyTorch's per-parameter state does).
 *
 * <p>State buffers are allocated on the first step of each parameter, in its dtype, and reused.
 */
public abstract class Optimizer {

    /** A parameter, its name and its update state. */
    protected static final class Slot {
        public final String name;
        public final Tensor param;
        /** The rule's buffers, each of the parameter's size and dtype. */
        public final Storage[] state;
        /** Steps in which this parameter had a gradient, including the current one. */
        public long t;
        boolean regularized;

        Slot(String name, Tensor param, int buffers) {
            this.name = name;
            this.param = param;
            this.state = new Storage[buffers];
        }
    }

    private final Map<String, Tensor> params = new LinkedHashMap<>();
    private final List<Slot> slots = new ArrayList<>();
    private double lr;
    private LearningRateSchedule schedule;
    private double clipNorm = Double.POSITIVE_INFINITY;
    private Regularizer regularizer = Regularizer.NONE;
    private Predicate<String> regularized = name -> true;
    private long iterations;

    protected Optimizer(double learningRate) {
        checkPositive("learning rate", learningRate);
        this.lr = learningRate;
    }

    /** How many buffers of the parameter's size the rule keeps (0 for plain SGD). */
    protected abstract int stateBuffers();

    /**
     * Updates elements [pOff, pOff + n) of the parameter from the gradient elements
     * [gOff, gOff + n) of {@code g}; read gradients through {@link #gradient} so that
     * regularization applies.
     */
    protected abstract void update(Slot s, double lr, int pOff, Storage g, int gOff, int n);

    // ---------------------------------------------------------------- configuration

    /** Adds parameters to update (e.g. {@code module.parameters()}); returns this. */
    public Optimizer bind(Map<String, Tensor> parameters) {
        for (Map.Entry<String, Tensor> e : parameters.entrySet()) {
            Tensor p = e.getValue();
            if (params.containsKey(e.getKey())) {
                throw new IllegalArgumentException(getClass().getSimpleName() + ": parameter '" + e.getKey()
                        + "' is already bound");
            }
            if (!p.isContiguous()) {
                throw new IllegalArgumentException(getClass().getSimpleName() + ": parameter '" + e.getKey()
                        + "' of shape " + Shapes.format(p.shape()) + " is a non-contiguous view; parameters must "
                        + "own contiguous storage to be updated in place");
            }
            params.put(e.getKey(), p);
            Slot slot = new Slot(e.getKey(), p, stateBuffers());
            slot.regularized = regularized.test(e.getKey());
            slots.add(slot);
        }
        return this;
    }

    /** Binds every parameter of a module. */
    public Optimizer bind(Module module) {
        return bind(module.parameters());
    }

    /** The bound parameters by name. */
    public Map<String, Tensor> parameters() {
        return Collections.unmodifiableMap(params);
    }

    /** The learning rate used by the last (or, before any step, the next) update. */
    public double learningRate() {
        return lr;
    }

    public Optimizer learningRate(double rate) {
        checkPositive("learning rate", rate);
        this.lr = rate;
        return this;
    }

    /** Takes the learning rate of each step from a schedule of the step index (0, 1, …). */
    public Optimizer schedule(LearningRateSchedule s) {
        this.schedule = s;
        return this;
    }

    /** Clips all gradients together to a global L2 norm of at most {@code maxNorm} before each update. */
    public Optimizer clipGlobalNorm(double maxNorm) {
        checkPositive("clipping norm", maxNorm);
        this.clipNorm = maxNorm;
        return this;
    }

    /** Adds ∂R/∂w to the gradient of every parameter. */
    public Optimizer regularize(Regularizer r) {
        return regularize(r, name -> true);
    }

    /** Adds ∂R/∂w to the gradient of the parameters whose names pass (e.g. weights but not biases). */
    public Optimizer regularize(Regularizer r, Predicate<String> names) {
        this.regularizer = r;
        this.regularized = names;
        slots.forEach(s -> s.regularized = names.test(s.name));
        return this;
    }

    /** Steps taken so far. */
    public long iterations() {
        return iterations;
    }

    // ---------------------------------------------------------------- the step

    /** Updates every bound parameter that has a gradient. */
    public void step() {
        if (params.isEmpty()) {
            throw new IllegalStateException(getClass().getSimpleName() + ".step(): no parameters bound; call bind(...)");
        }
        if (schedule != null) {
            lr = schedule.rate(iterations);
        }
        if (clipNorm != Double.POSITIVE_INFINITY) {
            GradientClipping.clipGlobalNorm(params.values(), clipNorm);
        }
        for (int i = 0; i < slots.size(); i++) {   // indexed: no iterator garbage per step
            stepOne(slots.get(i));
        }
        iterations++;
    }

    /** Clears the gradients of the bound parameters. */
    public void zeroGrad() {
        params.values().forEach(Tensor::zeroGrad);
    }

    private void stepOne(Slot s) {
        Tensor p = s.param;
        Tensor dense = p.grad();
        RowGrad rows = p.rowGrad();
        if (dense == null && rows == null) {
            return;
        }
        ensureState(s);
        s.t++;
        if (dense != null && rows != null) {
            // Used both densely and through a lookup: one combined dense step, so state moves once.
            dense = dense.add(rows.toDense(p.shape()));
            rows = null;
        }
        if (rows == null) {
            checkGradShape(s, dense);
            Tensor g = dense.contiguous();
            update(s, lr, p.offset(), g.storage(), g.offset(), p.numel());
            return;
        }
        int rowLen = p.rank() == 0 ? 1 : p.numel() / Math.max(1, p.shape(0));
        Tensor g = rows.rows().contiguous();
        int[] ids = rows.ids();
        for (int i = 0; i < ids.length; i++) {
            update(s, lr, p.offset() + ids[i] * rowLen, g.storage(), g.offset() + i * rowLen, rowLen);
        }
    }

    private void ensureState(Slot s) {
        for (int i = 0; i < s.state.length; i++) {
            if (s.state[i] == null) {
                s.state[i] = Storage.allocate(s.param.dtype(), s.param.numel());
                initState(i, s.state[i]);
            }
        }
    }

    /** Sets the initial value of buffer {@code index} (zeros unless overridden). */
    protected void initState(int index, Storage buffer) {
    }

    private void checkGradShape(Slot s, Tensor g) {
        if (!java.util.Arrays.equals(g.shape(), s.param.shape())) {
            throw new IllegalStateException(getClass().getSimpleName() + ": gradient of '" + s.name + "' has shape "
                    + Shapes.format(g.shape()) + " but the parameter has shape " + Shapes.format(s.param.shape()));
        }
    }

    /**
     * The gradient at element {@code gi} of g, plus the regularizer's ∂R/∂w at parameter element
     * {@code pi} when it applies to this parameter.
     */
    protected final double gradient(Slot s, Storage g, int gi, int pi) {
        double grad = g.get(gi);
        return s.regularized ? grad + regularizer.derivative(s.param.storage().get(pi)) : grad;
    }

    static void checkPositive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be a positive finite number, got " + v);
        }
    }

    static void checkFraction(String what, double v) {
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1), got " + v);
        }
    }
}
