package jgrad.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jgrad.autograd.RowGrad;
import jgrad.backend.Backends;
import jgrad.nn.Module;
import jgrad.tensor.Shapes;
import jgrad.backend.Arena;
import jgrad.backend.Storage;
import jgrad.tensor.Tensor;

/**
 * Updates parameters in place from their gradients. Subclasses give one update rule as a call of a
 * backend kernel on a range of elements ({@link #update}); this class decides which ranges to visit.
 * No step reads or writes a number from Java, so parameters may live on any device.
 *
 * <p>One {@link #step()}: the learning rate is taken from the {@link LearningRateSchedule} if there
 * is one; the gradients are clipped to a global norm and by value if asked; then each parameter with a gradient
 * is updated with g ← g + ∂R/∂w when a {@link Regularizer} applies to it.
 *
 * <p><b>Row-sparse gradients.</b> A table marked {@code sparseGrad(true)} and read through
 * {@code gatherRows} has a {@link RowGrad}: only the rows looked up in the batch. By default the
 * step is exactly the one a dense gradient (zero outside those rows) would give, as in Keras and
 * PyTorch: rules with state (momentum, Adam's moments, accumulators) and regularizers move every row,
 * so only the backward pass is cheaper. Rules on which a zero gradient has no effect (plain SGD,
 * Adagrad), without a regularizer, touch the looked-up rows only, which is the same step. {@link #lazy(boolean) lazy(true)} trades
 * exactness for speed, as TensorFlow's LazyAdam and PyTorch's SparseAdam do: the rule is applied to
 * the looked-up rows only, so the state of a row that was not looked up is neither read nor decayed,
 * and a row seen rarely keeps the moments of its last visit instead of having them shrink toward zero.
 * On MovieLens-100K this costs accuracy (the article-000 model: test RMSE 0.947 lazy, 0.938 exact).
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
        /** This parameter's learning rate as a multiple of the optimizer's (per-layer rates); 1 by default. */
        double lrScale = 1;
        boolean regularized;
        /** Scratch of the parameter's size for a gradient the rule is given (densified, regularized); lazy. */
        Storage gradBuffer;

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
    /** The one-element F64 sum of squares of the gradients, reused by every clipped step. */
    private Storage clipSum;
    private double clipValue = Double.POSITIVE_INFINITY;
    private Regularizer regularizer = Regularizer.NONE;
    private Predicate<String> regularized = name -> true;
    private long iterations;
    private boolean lazy;
    private Predicate<String> maxNormed = name -> false;
    private double maxNorm = Double.POSITIVE_INFINITY;

    protected Optimizer(double learningRate) {
        checkPositive("learning rate", learningRate);
        this.lr = learningRate;
    }

    /** How many buffers of the parameter's size the rule keeps (0 for plain SGD). */
    protected abstract int stateBuffers();

    /**
     * Updates elements [pOff, pOff + n) of the parameter from the gradient elements
     * [gOff, gOff + n) of {@code g} (which already includes any regularizer's term).
     */
    protected abstract void update(Slot s, double lr, int pOff, Storage g, int gOff, int n);

    /**
     * The exact (dense-rule) update of the whole parameter from a row-sparse gradient, for a rule that has a kernel
     * walking the rows without a dense gradient; returns false, and the optimizer densifies the gradient into
     * {@code dense} and calls {@link #update}, when the rule has none (the default).
     */
    protected boolean updateRows(Slot s, double lr, RowGrad rows, int rowLen, Storage dense) {
        return false;
    }

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

    /**
     * Limits every gradient element to [−maxValue, maxValue] before each update (Keras's clipvalue;
     * after global-norm clipping when both are set, as in Keras).
     */
    public Optimizer clipValue(double maxValue) {
        checkPositive("clipping value", maxValue);
        this.clipValue = maxValue;
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

    /**
     * Multiplies the learning rate of the bound parameters {@code names} accepts by {@code factor}, for
     * per-layer learning rates (fine-tuning: a small rate for pretrained layers, the full one for a new
     * head). Applies to the parameters bound so far; a later call overrides an earlier one where both match.
     */
    public Optimizer scaleLearningRate(Predicate<String> names, double factor) {
        checkPositive("learning-rate factor", factor);
        slots.forEach(s -> {
            if (names.test(s.name)) {
                s.lrScale = factor;
            }
        });
        return this;
    }

    /**
     * After every step, projects each row of the matrices {@code names} accepts back to an L2 norm of at most
     * {@code radius} ({@link MaxNorm}; Kim 2014's constraint s = 3 on his output layer, Keras's
     * {@code kernel_constraint=max_norm(radius)} on a Dense kernel).
     */
    public Optimizer maxNorm(Predicate<String> names, double radius) {
        checkPositive("max-norm radius", radius);
        this.maxNormed = names;
        this.maxNorm = radius;
        return this;
    }

    /**
     * Whether row-sparse gradients update the looked-up rows only (see the class comment); false,
     * the exact rule, by default.
     */
    public Optimizer lazy(boolean lazyRows) {
        this.lazy = lazyRows;
        return this;
    }

    public boolean isLazy() {
        return lazy;
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
            clipSum = GradientClipping.clipOnDevice(params.values(), clipNorm, clipSum);
        }
        if (clipValue != Double.POSITIVE_INFINITY) {
            GradientClipping.clipValue(params.values(), clipValue);
        }
        for (int i = 0; i < slots.size(); i++) {   // indexed: no iterator garbage per step
            stepOne(slots.get(i));
        }
        if (maxNorm != Double.POSITIVE_INFINITY) {
            for (int i = 0; i < slots.size(); i++) {
                if (maxNormed.test(slots.get(i).name)) {
                    MaxNorm.apply(slots.get(i).param, maxNorm);
                }
            }
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
        if (rows != null && !rowsOnlyIsExact(s)) {
            if (regularizes(s) || !updateRows(s, lr * s.lrScale, rows, rowLength(p), gradBuffer(s))) {
                apply(s, p.offset(), scatterDense(s, rows), 0, p.numel());
            }
            return;
        }
        if (rows == null) {
            checkGradShape(s, dense);
            Tensor g = dense.contiguous();
            apply(s, p.offset(), g.storage(), g.offset(), p.numel());
            return;
        }
        int rowLen = rowLength(p);
        Tensor g = rows.rows().contiguous();
        for (int i = 0; i < rows.size(); i++) {
            apply(s, p.offset() + rows.id(i) * rowLen, g.storage(), g.offset() + i * rowLen, rowLen);
        }
    }

    /** Runs the rule on n elements, with the regularizer's ∂R/∂w added to the gradient first if it applies. */
    private void apply(Slot s, int pOff, Storage g, int gOff, int n) {
        if (!regularizes(s)) {
            update(s, lr * s.lrScale, pOff, g, gOff, n);
            return;
        }
        Storage buffer = gradBuffer(s);          // in place when g is the buffer itself (gOff = 0)
        s.param.backend().penaltyGradient(n, s.param.storage(), pOff, g, gOff, buffer, 0, regularizer.l1(),
                regularizer.l2());
        update(s, lr * s.lrScale, pOff, buffer, 0, n);
    }

    private static Storage gradBuffer(Slot s) {
        if (s.gradBuffer == null || s.gradBuffer.device() != s.param.device()) {
            s.gradBuffer = Arena.outside(() -> s.param.backend().allocate(s.param.dtype(), s.param.numel()));
        }
        return s.gradBuffer;
    }

    /** Whether updating the looked-up rows alone gives the dense rule's step. */
    private boolean rowsOnlyIsExact(Slot s) {
        return lazy || (zeroGradientIsNoOp() && !regularizes(s));
    }

    /** Whether a zero gradient leaves both the weight and the state as they are (true without state). */
    protected boolean zeroGradientIsNoOp() {
        return stateBuffers() == 0;
    }

    /** The row-sparse gradient written into the slot's reused dense buffer (zeros elsewhere). */
    private Storage scatterDense(Slot s, RowGrad rows) {
        Tensor p = s.param;
        Storage dense = gradBuffer(s);
        p.backend().fill(p.numel(), dense, 0, 0.0);
        rows.addInto(dense, rowLength(p));
        return dense;
    }

    /** The elements in one row of a table (its first axis indexes the rows). */
    private static int rowLength(Tensor table) {
        return table.rank() == 0 ? 1 : table.numel() / Math.max(1, table.shape(0));
    }

    /** Allocates the slot's state where its parameter lives; state made before the model moved follows it. */
    private void ensureState(Slot s) {
        for (int i = 0; i < s.state.length; i++) {
            if (s.state[i] != null && s.state[i].device() != s.param.device()) {
                Storage old = s.state[i];
                s.state[i] = Arena.outside(() -> new Tensor(old, new int[] {old.length()}, new int[] {1}, 0)
                        .to(s.param.device()).storage());
            }
            if (s.state[i] == null) {
                s.state[i] = Arena.outside(() -> s.param.backend().allocate(s.param.dtype(), s.param.numel()));
                initState(i, s.state[i]);
            }
        }
    }

    /** Sets the initial value of buffer {@code index} (zeros unless overridden). */
    protected void initState(int index, Storage buffer) {
    }

    private void checkGradShape(Slot s, Tensor g) {
        if (!g.sameShape(s.param)) {
            throw new IllegalStateException(getClass().getSimpleName() + ": gradient of '" + s.name + "' has shape "
                    + Shapes.format(g.shape()) + " but the parameter has shape " + Shapes.format(s.param.shape()));
        }
    }

    /** Whether a regularizer's term is added to this parameter's gradient before the rule sees it. */
    protected final boolean regularizes(Slot s) {
        return s.regularized && regularizer != Regularizer.NONE;
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
