package jgrad.backend;

/**
 * The optimizers' update rules, each applied in place to a weight and its state buffers: Adam (dense and
 * row-sparse), SGD, Adagrad, RMSprop and Adadelta.
 *
 * <p>One family of {@link Backend}'s kernels, implemented only through it (hence sealed): a default that
 * composes other kernels hands them the whole backend.
 */
public sealed interface OptimizerKernels permits Backend {

    /**
     * One Adam update in place of n elements: w[wOff..], m and v at the same offsets, g[gOff..]; the
     * rule and its order of operations are in {@link AdamStep}.
     */
    void adam(int n, Storage w, int wOff, Storage m, Storage v, Storage g, int gOff, AdamStep step);

    /**
     * The exact Adam update of a whole table of {@code rows} rows of {@code rowLen} elements (w, m and v from
     * {@code wOff}) whose gradient is row-sparse: row ids[k] (ids ascending, each once) has the gradient row
     * g[gOff + k·rowLen ..] for k in [0, count), every other row the gradient 0, so its moments decay and its
     * weight still moves.
     * The same bits as {@link #adam} on the dense gradient. This default composes exactly that: it writes the
     * dense gradient into {@code dense} (rows·rowLen elements of scratch) and runs {@link #adam} over it; a CPU
     * backend walks the rows instead and never reads a zero it has written.
     */
    default void adamRows(int rows, int rowLen, Storage w, int wOff, Storage m, Storage v, int[] ids, int count,
                          Storage g, int gOff, AdamStep step, Storage dense) {
        adamRowsDensified((Backend) this, rows, rowLen, w, wOff, m, v, ids, count, g, gOff, step, dense);
    }

    /** {@link #adamRows} as {@link #adam} over the gradient made dense in {@code dense}: fill, scatter, Adam. */
    static void adamRowsDensified(Backend be, int rows, int rowLen, Storage w, int wOff, Storage m, Storage v,
                                  int[] ids, int count, Storage g, int gOff, AdamStep step, Storage dense) {
        int n = rows * rowLen;
        be.fill(n, dense, 0, 0.0);
        be.scatterAddRows(ids, count, rowLen, g, gOff, dense, 0);
        be.adam(n, w, wOff, m, v, dense, 0, step);
    }

    /*
     * The rules below keep the arithmetic the optimizers had when they looped over Storage.get/set:
     * each element is computed in double from its stored values and rounded once, on store, to the
     * storage's dtype. A state value that feeds the weight's update in the same step is used before
     * that rounding. State buffers share the weight's offset (a row-sparse step passes a row's offset).
     */

    /**
     * One SGD update in place of n elements (the rule and its order are in {@link SgdStep}): w[wOff..],
     * the momentum buffer b at the same offset (null, and untouched, when the step has no momentum), g[gOff..].
     */
    void sgd(int n, Storage w, int wOff, Storage b, Storage g, int gOff, SgdStep step);

    /**
     * One Adagrad update in place of n elements, with the accumulator s at w's offset:
     * <pre>
     *   s ← s + g·g
     *   w ← w − (lr·g) / (√s + ε)
     * </pre>
     */
    void adagrad(int n, Storage w, int wOff, Storage s, Storage g, int gOff, double lr, double epsilon);

    /**
     * One RMSprop update in place of n elements, with the mean square v at w's offset:
     * <pre>
     *   v ← ρ·v + ((1 − ρ)·g)·g
     *   w ← w − (lr·g) / (√v + ε)
     * </pre>
     */
    void rmsprop(int n, Storage w, int wOff, Storage v, Storage g, int gOff, double lr, double rho, double epsilon);

    /**
     * One Adadelta update in place of n elements (Zeiler 2012, in PyTorch's order), with the mean square of the
     * gradients s and the mean square of the updates u at w's offset:
     * <pre>
     *   s ← ρ·s + ((1 − ρ)·g)·g
     *   d ← (√(u + ε) / √(s + ε))·g
     *   u ← ρ·u + ((1 − ρ)·d)·d
     *   w ← w − lr·d
     * </pre>
     */
    void adadelta(int n, Storage w, int wOff, Storage s, Storage u, Storage g, int gOff, double lr, double rho,
                  double epsilon);
}
