package jgrad.backend;


/**
 * The narrow set of numeric kernels. Every loop over numbers in jgrad runs behind this interface.
 *
 * <p>A backend computes on one {@link Device}: it allocates that device's storages and its kernels
 * take only those. The CPU backends (scalar, SIMD) take host storages; {@code CudaBackend} takes
 * its own device buffers. All buffers of a call are {@link Storage}s of one dtype (the caller checks that). Offsets and strides
 * are in elements. Matrices are row-major with a leading dimension (the distance between rows).
 * {@link ScalarBackend} is the reference: plain loops, written to be read beside the formula.
 * Every other backend is tested against it.
 */
public interface Backend {

    /** A short name: "scalar", "simd", "cuda", "cuda-emu". */
    String name();

    /** The device whose storages this backend allocates and computes on. */
    default Device device() {
        return Device.CPU;
    }

    /** A new zero-filled storage on this backend's device. */
    default Storage allocate(DType dtype, int length) {
        return Storage.onHost(dtype, length);
    }

    /** A copy of a whole host storage on this backend's device (for the CPU: a new array). */
    default Storage upload(Storage host) {
        Storage copy = Storage.onHost(host.dtype(), host.length());
        copy(new int[] {host.length()}, host, 0, new int[] {1}, copy, 0);
        return copy;
    }

    /** A host copy of a whole storage of this backend's device. */
    default Storage download(Storage mine) {
        return upload(mine);
    }

    /**
     * General matrix multiply, row-major: C = op(A)·op(B) + β·C, where C is m×n, op(A) is m×k,
     * op(B) is k×n and op(X) is X or Xᵀ. With transA the stored A is k×m (lda ≥ m), else m×k
     * (lda ≥ k); likewise for B. β = 0 overwrites C (whatever it held, even NaN).
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              Storage a, int aOff, int lda,
              Storage b, int bOff, int ldb,
              double beta, Storage c, int cOff, int ldc);

    /**
     * out[outOff + i] = a[aOff + i·aStep] ∘ b[bOff + i·bStep] for i in [0, n); each step is 0
     * (broadcast one value) or 1. {@code out} may be the same storage as a or b at the same offset.
     */
    void binary(BinaryOp op, int n, Storage a, int aOff, int aStep, Storage b, int bOff, int bStep,
                Storage out, int outOff);

    /** out[i] = f(x[i]) for n contiguous elements; {@code alpha} as documented on {@link UnaryOp}. */
    void unary(UnaryOp op, int n, Storage x, int xOff, Storage out, int outOff, double alpha);

    /**
     * dx[i] = g[i] · f'(x[i]), for n contiguous elements, where y = f(x) is the forward output
     * (the derivative is taken from whichever of x and y is cheaper, see {@link UnaryOp}).
     */
    void unaryBackward(UnaryOp op, int n, Storage x, int xOff, Storage y, int yOff, Storage g, int gOff,
                       Storage dx, int dxOff, double alpha);

    /**
     * Reduces a contiguous block viewed as [outer, len, inner] along its middle axis:
     * out[o·inner + i] = reduce over j of x[xOff + (o·len + j)·inner + i]. len ≥ 1 for MAX.
     */
    void reduce(ReduceOp op, int outer, int len, int inner, Storage x, int xOff, Storage out, int outOff);

    /**
     * Softmax (or log-softmax) of each of {@code rows} contiguous rows of {@code cols} values,
     * max-subtracted so that no exponent overflows.
     */
    void softmax(int rows, int cols, Storage x, int xOff, Storage y, int yOff, boolean log);

    /**
     * The backward of {@link #softmax}, from its output y and upstream g, per row:
     * softmax: dx = y ⊙ (g − Σ g⊙y); log-softmax: dx = g − eʸ · Σ g.
     */
    void softmaxBackward(int rows, int cols, Storage y, int yOff, Storage g, int gOff, Storage dx, int dxOff,
                         boolean log);

    /** Copies rows: out[r] = table[ids[r]] for rows of {@code rowLen}; ids are checked by the caller. */
    void gatherRows(int[] ids, int rowLen, Storage table, int tableOff, Storage out, int outOff);

    /** Adds rows back: table[ids[r]] += src[r]; repeated ids accumulate. */
    void scatterAddRows(int[] ids, int rowLen, Storage src, int srcOff, Storage table, int tableOff);

    /**
     * Copies a strided view into a contiguous buffer: dst[dstOff + flat(i)] = src[srcOff + Σ i_d·srcStrides[d]],
     * over every index i of {@code shape} in row-major order.
     */
    void copy(int[] shape, Storage src, int srcOff, int[] srcStrides, Storage dst, int dstOff);

    /**
     * out[outOff + i] = cond[cOff + i] != 0 ? a[aOff + i] : b[bOff + i] for n contiguous elements.
     * A choice, not arithmetic, so infinities and NaN in the branch not taken do not leak through.
     */
    void where(int n, Storage cond, int cOff, Storage a, int aOff, Storage b, int bOff, Storage out, int outOff);

    /**
     * dst[dstOff + i] = src[srcOff + i] for n elements, converted to dst's dtype (F64 → F32 rounds to
     * nearest, as a Java cast does).
     */
    void convert(int n, Storage src, int srcOff, Storage dst, int dstOff);

    /**
     * The inverted-dropout mask of n elements: out[outOff + i] = 1/(1 − p) where
     * {@link jgrad.random.Philox#dropoutKeeps Philox.dropoutKeeps(seed, offset + i, p)}, else 0. A
     * counter-based draw, so every backend and device gives the same mask for the same seed and offset.
     */
    void dropoutMask(int n, long seed, long offset, double p, Storage out, int outOff);

    /** dst[dstOff + i] = value for n elements. */
    void fill(int n, Storage dst, int dstOff, double value);

    /**
     * One Adam update in place of n elements: w[wOff..], m and v at the same offsets, g[gOff..]; the
     * rule and its order of operations are in {@link AdamStep}.
     */
    void adam(int n, Storage w, int wOff, Storage m, Storage v, Storage g, int gOff, AdamStep step);

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
     * The gradient of an L1/L2 penalty R(w) = l1·Σ|wᵢ| + l2·Σwᵢ² added to g, for n elements:
     * <pre>
     *   out = g + (l1·sign(w) + (2·l2)·w)        sign(0) = 0, sign(NaN) = NaN
     * </pre>
     * {@code out} may be g at the same offset.
     */
    void penaltyGradient(int n, Storage w, int wOff, Storage g, int gOff, Storage out, int outOff, double l1, double l2);

    /**
     * acc[accOff] += Σᵢ x[xOff + i]², summed in double: {@code acc} is an F64 storage on this backend's
     * device whatever x's dtype (a running sum over several tensors, e.g. the gradients of a model).
     */
    void sumOfSquares(int n, Storage x, int xOff, Storage acc, int accOff);

    /**
     * Scales n elements in place to a norm: with N = √sumSq[sOff] (an F64 storage on this device,
     * e.g. from {@link #sumOfSquares}), x ← x·(maxNorm / N) when N &gt; maxNorm, else x is left as it is.
     * The factor is computed where the sum lives, so clipping needs no transfer to the host.
     */
    void clipToNorm(int n, Storage x, int xOff, Storage sumSq, int sOff, double maxNorm);

    /**
     * The elementwise part of one LSTM step, after the gate GEMM. {@code pre} and {@code act} hold four
     * blocks of n values in the gate order f, i, o, c̃ (n = H for one row of a batch-major layout).
     * Writes act = (σ(f), σ(i), σ(o), tanh(c̃)), c_t = f ⊙ c_{t−1} + i ⊙ c̃, tanh(c_t) and
     * h_t = o ⊙ tanh(c_t); {@code act} may be {@code pre}. The default composes {@link #unary} and
     * {@link #binary}, rounding after each; a fused version must match it to float rounding.
     */
    default void lstmStepForward(int n, Storage pre, int preOff, Storage cPrev, int cPrevOff, Storage act, int actOff,
                                 Storage c, int cOff, Storage tanhC, int tanhCOff, Storage h, int hOff) {
        LstmStep.forward(this, n, pre, preOff, cPrev, cPrevOff, act, actOff, c, cOff, tanhC, tanhCOff, h, hOff);
    }

    /**
     * One LSTM step back from the saved act and tanh(c_t), c_{t−1}, dh = ∂L/∂h_t and dc = ∂L/∂c_t
     * (n values each): writes dpre (four gate blocks, as {@code pre}) and replaces dc by ∂L/∂c_{t−1}.
     * dh_{t−1} = dpre·W_h is left to {@link #gemm}.
     */
    default void lstmStepBackward(int n, Storage act, int actOff, Storage cPrev, int cPrevOff, Storage tanhC,
                                  int tanhCOff, Storage dh, int dhOff, Storage dc, int dcOff, Storage dpre, int dpreOff) {
        LstmStep.backward(this, n, act, actOff, cPrev, cPrevOff, tanhC, tanhCOff, dh, dhOff, dc, dcOff, dpre, dpreOff);
    }
}
