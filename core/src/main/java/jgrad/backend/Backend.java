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

    /**
     * A zero-filled storage on this backend's device; on the host it is lent by the thread's open
     * {@link Arena} step scope when there is one.
     */
    default Storage allocate(DType dtype, int length) {
        return Arena.hostStorage(dtype, length);
    }

    /**
     * A storage on this backend's device for an output that its kernel overwrites entirely, so its contents
     * are unspecified: a CPU backend skips clearing a storage its {@link Arena} lends again. The default is
     * {@link #allocate}.
     */
    default Storage allocateForOverwrite(DType dtype, int length) {
        return allocate(dtype, length);
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
     * Runs {@code body.run(lo, hi)} over slices that cover [0, n) once: side by side where the backend has threads and
     * the work ({@code workPerItem} per item, in multiply-adds) is worth it, else as one slice. For kernels whose items
     * are independent, such as a recurrence over a batch of sequences: each slice must give the bits it gives
     * whatever the cut, so that the result does not depend on the thread count.
     */
    default void forSlices(int n, long workPerItem, SliceBody body) {
        body.run(0, n);
    }

    /** The work of {@link #forSlices} on items [lo, hi). */
    @FunctionalInterface
    interface SliceBody {
        void run(int lo, int hi);
    }

    /**
     * A batch of products of one shape: C_i = op(A_i)·op(B_i) for i in [0, count), where A_i starts at
     * {@code aOffs[i]}, B_i at {@code bOffs[i]} (leading dimensions lda and ldb as in {@link #gemm}) and C_i, m×n
     * row-major and overwritten, at {@code cOff + i·m·n}. Attention's products are such batches, one product per
     * sequence and head, each too small to split. This default runs {@link #gemm} on each in turn; a backend may
     * run them side by side, and must give the same bits.
     */
    default void gemmBatch(boolean transA, boolean transB, int m, int n, int k, int count,
                           Storage a, int[] aOffs, int lda, Storage b, int[] bOffs, int ldb, Storage c, int cOff) {
        for (int i = 0; i < count; i++) {
            gemm(transA, transB, m, n, k, a, aOffs[i], lda, b, bOffs[i], ldb, 0, c, cOff + i * m * n, n);
        }
    }

    /** Rows per band of {@link #gemmTriangular}: a multiple of every SIMD tile's rows (4, 6, 8, 12, 16). */
    int TRIANGLE_BAND = 48;

    /**
     * One causal attention product C = op(A)·op(B), m = T rows, n columns, depth k, of the {@link Triangle} shape
     * (LOWER_PRODUCT: n = T; LOWER_LEFT and UPPER_LEFT: k = T), C row-major with leading dimension n, overwritten.
     * The rows go in bands of {@link #TRIANGLE_BAND}; a band [r0, r1) computes only what can be nonzero:
     * LOWER_PRODUCT the columns 0 … r1 − 1 (then clears those above the diagonal and the rest), LOWER_LEFT the
     * depth 0 … r1 − 1, UPPER_LEFT the depth r0 … T − 1, so about (T + band) / 2T of the full product's work. The
     * zero triangle of op(A) must hold zeros: inside a band's diagonal block it is read (α and dS are exactly 0
     * there). What is skipped is a sum of exact zeros, so C is the full product's, term for term.
     */
    default void gemmTriangular(Triangle shape, boolean transA, boolean transB, int m, int n, int k,
                                Storage a, int aOff, int lda, Storage b, int bOff, int ldb, Storage c, int cOff) {
        int square = shape == Triangle.LOWER_PRODUCT ? n : k;
        if (square != m) {
            throw new IllegalArgumentException("gemmTriangular " + shape + ": needs a square T × T "
                    + (shape == Triangle.LOWER_PRODUCT ? "result" : "left operand") + ", got m=" + m + " n=" + n + " k=" + k);
        }
        for (int r0 = 0; r0 < m; r0 += TRIANGLE_BAND) {
            int r1 = Math.min(m, r0 + TRIANGLE_BAND);
            int aRow = aOff + (transA ? r0 : r0 * lda);
            switch (shape) {
                case LOWER_PRODUCT -> {
                    gemm(transA, transB, r1 - r0, r1, k, a, aRow, lda, b, bOff, ldb, 0, c, cOff + r0 * n, n);
                    for (int r = r0; r < r1; r++) {
                        fill(n - r - 1, c, cOff + r * n + r + 1, 0);
                    }
                }
                case LOWER_LEFT -> gemm(transA, transB, r1 - r0, n, r1, a, aRow, lda, b, bOff, ldb, 0, c, cOff + r0 * n, n);
                case UPPER_LEFT -> gemm(transA, transB, r1 - r0, n, k - r0, a, aRow + (transA ? r0 * lda : r0), lda,
                        b, bOff + (transB ? r0 : r0 * ldb), ldb, 0, c, cOff + r0 * n, n);
            }
        }
    }

    /**
     * {@link #gemmTriangular} over a batch, as {@link #gemmBatch}: A_i at {@code aOffs[i]}, B_i at {@code bOffs[i]},
     * C_i at {@code cOff + i·m·n}. A backend may run the products side by side, and must give the same bits.
     */
    default void gemmTriangularBatch(Triangle shape, boolean transA, boolean transB, int m, int n, int k, int count,
                                     Storage a, int[] aOffs, int lda, Storage b, int[] bOffs, int ldb, Storage c,
                                     int cOff) {
        for (int i = 0; i < count; i++) {
            gemmTriangular(shape, transA, transB, m, n, k, a, aOffs[i], lda, b, bOffs[i], ldb, c, cOff + i * m * n);
        }
    }

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

    /**
     * Adds rows back: table[ids[r]] += src[r] for r in [0, count); repeated ids accumulate. A count rather than
     * ids.length, so that ids may live in a longer array a step's arena lends again (a row gradient's distinct ids).
     */
    void scatterAddRows(int[] ids, int count, int rowLen, Storage src, int srcOff, Storage table, int tableOff);

    /**
     * Dot products of rows with gathered rows: out[r] = Σ_j h[r, j] · table[ids[r], j] for r in [0, ids.length),
     * rows of {@code rowLen} (a next-item model's score of item ids[r] at position r). The default composes
     * the backend's own kernels ({@link ComposedGatherDot}).
     */
    default void gatherDot(int[] ids, int rowLen, Storage h, int hOff, Storage table, int tableOff, Storage out,
                           int outOff) {
        ComposedGatherDot.forward(this, ids, rowLen, h, hOff, table, tableOff, out, outOff);
    }

    /**
     * The backward of {@link #gatherDot} from g = ∂L/∂out: dh[r] = g[r] · table[ids[r]] and the gradient rows of
     * the table, dRows[r] = g[r] · h[r] (for the caller to add at ids[r]).
     */
    default void gatherDotBackward(int[] ids, int rowLen, Storage g, int gOff, Storage h, int hOff, Storage table,
                                   int tableOff, Storage dh, int dhOff, Storage dRows, int dRowsOff) {
        ComposedGatherDot.backward(this, ids, rowLen, g, gOff, h, hOff, table, tableOff, dh, dhOff, dRows, dRowsOff);
    }

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

    /**
     * Unfolds the sliding windows of a batch of images x [batch, channels, height, width] (contiguous
     * from xOff) into the column matrix [channels·kh·kw, batch·outH·outW] of {@link ConvGeometry}, so
     * that a convolution is one GEMM: cols[(c·kh + u)·kw + v][(n·outH + i)·outW + j] =
     * xp[n, c, i·sh + u·dh, j·sw + v·dw], where xp is x padded with {@code padValue} (0 for a
     * convolution or an average, −∞ for a maximum).
     */
    void im2col(ConvGeometry g, double padValue, Storage x, int xOff, Storage cols, int colsOff);

    /**
     * The adjoint of {@link #im2col}: dx [batch, channels, height, width] = the sum of every entry of the
     * column matrix at the input position it was read from (entries read from the padding are dropped).
     * Overwrites dx.
     */
    void col2im(ConvGeometry g, Storage cols, int colsOff, Storage dx, int dxOff);

    /**
     * A convolution with its bias and, when {@code relu}, its ReLU, in one call: for x [batch, channels, height,
     * width] (contiguous from xOff), W [filters, channels, kh, kw] (from wOff) and b [filters] (from bOff),
     * <pre>
     *   z[n, o, i, j] = act( b[o] + Σ_{c,u,v} W[o, c, u, v] · x[n, c, i·sh + u·dh − ph, j·sw + v·dw − pw] )
     * </pre>
     * summed over the taps inside x, with act(s) = max(s, 0) when relu, else s. Overwrites z [batch, filters,
     * outH, outW]. The default composes {@link #im2col}, one GEMM and layout copies ({@link ComposedConv}).
     */
    default void convForward(ConvGeometry g, int filters, boolean relu, Storage x, int xOff, Storage w, int wOff,
                             Storage b, int bOff, Storage z, int zOff) {
        ComposedConv.forward(this, g, filters, relu, x, xOff, w, wOff, b, bOff, z, zOff);
    }

    /**
     * The backward of {@link #convForward} from its output z and the upstream gradient dz (both [batch, filters,
     * outH, outW]): with d = dz · [z &gt; 0] when relu (z &gt; 0 exactly where the pre-activation is), else dz,
     * <pre>
     *   db[o] = Σ_{n,i,j} d[n,o,i,j]     dW[o,c,u,v] = Σ_{n,i,j} d[n,o,i,j] · x[n, c, i·sh + u·dh − ph, j·sw + v·dw − pw]
     *   dx[n,c,y,x] = Σ d[n,o,i,j] · W[o,c,u,v] over the (o, i, j, u, v) whose tap reads x[n,c,y,x]
     * </pre>
     * Each of dx, dW, db that is null is not computed; the others are overwritten (dW and db from offset 0).
     */
    default void convBackward(ConvGeometry g, int filters, boolean relu, Storage x, int xOff, Storage w, int wOff,
                              Storage z, int zOff, Storage dz, int dzOff, Storage dx, int dxOff, Storage dW, Storage db) {
        ComposedConv.backward(this, g, filters, relu, x, xOff, w, wOff, z, zOff, dz, dzOff, dx, dxOff, dW, db);
    }

    /**
     * {@link #convForward} of a 1-d geometry g (height = kh = 1, length = g.width(), taps k = g.kw()) on signals
     * laid out channels last, as an embedding lookup gives them: x [batch, length, channels] (contiguous from
     * xOff), so that
     * <pre>
     *   z[n, o, t] = act( b[o] + Σ_{c,u} W[o, c, u] · x[n, t·sw + u·dw − pw, c] )
     * </pre>
     * with W [filters, channels, k] and z [batch, filters, outW] as in convForward. The default copies x to
     * channels first and calls convForward ({@link ComposedConvRows}); the SIMD backend reads the windows in
     * place (each window of x[n] is one contiguous run of k·channels numbers).
     */
    default void convRowsForward(ConvGeometry g, int filters, boolean relu, Storage x, int xOff, Storage w, int wOff,
                                 Storage b, int bOff, Storage z, int zOff) {
        ComposedConvRows.forward(this, g, filters, relu, x, xOff, w, wOff, b, bOff, z, zOff);
    }

    /**
     * The backward of {@link #convRowsForward}: {@link #convBackward}'s gradients with x and dx laid out
     * [batch, length, channels]. Each of dx, dW, db that is null is not computed; the others are overwritten.
     */
    default void convRowsBackward(ConvGeometry g, int filters, boolean relu, Storage x, int xOff, Storage w, int wOff,
                                  Storage z, int zOff, Storage dz, int dzOff, Storage dx, int dxOff, Storage dW,
                                  Storage db) {
        ComposedConvRows.backward(this, g, filters, relu, x, xOff, w, wOff, z, zOff, dz, dzOff, dx, dxOff, dW, db);
    }

    /** dst[dstOff + i] = value for n elements. */
    void fill(int n, Storage dst, int dstOff, double value);

    /**
     * Max pooling of x [batch, channels, height, width] (contiguous from xOff) over the windows of g, written
     * to y [batch, channels, outH, outW]: y[n, c, i, j] = max over the taps (u, v) inside x of
     * x[n, c, i·sh + u·dh − ph, j·sw + v·dw − pw] (a padded position never wins). The default composes
     * {@link #im2col} and a MAX {@link #reduce} ({@link ComposedPooling}); the CPU backends fuse it into one pass.
     */
    default void maxPool(ConvGeometry g, Storage x, int xOff, Storage y, int yOff) {
        ComposedPooling.maxPool(this, g, x, xOff, y, yOff);
    }

    /**
     * The backward of {@link #maxPool}, from x, its output y and the upstream dy: dx = Σ over windows of
     * dy[n, c, i, j] / t at each of the t taps inside x whose value equals y[n, c, i, j] (a tie shares the
     * gradient equally), 0 elsewhere. Overwrites dx.
     */
    default void maxPoolBackward(ConvGeometry g, Storage x, int xOff, Storage y, int yOff, Storage dy, int dyOff,
                                 Storage dx, int dxOff) {
        ComposedPooling.maxPoolBackward(this, g, x, xOff, y, yOff, dy, dyOff, dx, dxOff);
    }

    /**
     * A convolution with its ReLU followed by a max pooling, in one call: y = maxPool(z) over the windows of
     * {@code pool} (whose input is z [batch, filters, outH, outW]), z = {@link #convForward}'s output with relu.
     * Overwrites y [batch, filters, pool.outH, pool.outW] (from 0) and the record (from 0, {@link
     * #convMaxPoolRecordSize} elements): what the backward needs, in a layout the backend chooses. The default
     * keeps z itself as the record ({@link ComposedConvPool}); a backend may keep less, e.g. which taps won
     * each window, so that z never reaches memory. Same bits as the composition on the same backend.
     */
    default void convMaxPool(ConvGeometry g, int filters, ConvGeometry pool, Storage x, int xOff, Storage w, int wOff,
                             Storage b, int bOff, Storage y, Storage record) {
        ComposedConvPool.forward(this, g, filters, pool, x, xOff, w, wOff, b, bOff, y, record);
    }

    /** Elements of {@link #convMaxPool}'s record for tensors of this dtype: by default those of z. */
    default int convMaxPoolRecordSize(DType dtype, ConvGeometry g, int filters, ConvGeometry pool) {
        return ComposedConvPool.recordSize(g, filters);
    }

    /**
     * The backward of {@link #convMaxPool} from its output y, its record and the upstream dy: the gradients of
     * {@link #maxPoolBackward} (ties share equally) followed by {@link #convBackward} with relu. Each of dx, dW,
     * db that is null is not computed; the others are overwritten (dW and db from offset 0).
     */
    default void convMaxPoolBackward(ConvGeometry g, int filters, ConvGeometry pool, Storage x, int xOff, Storage w,
                                     int wOff, Storage y, Storage record, Storage dy, int dyOff, Storage dx, int dxOff,
                                     Storage dW, Storage db) {
        ComposedConvPool.backward(this, g, filters, pool, x, xOff, w, wOff, y, record, dy, dyOff, dx, dxOff, dW, db);
    }

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
        adamRowsDensified(this, rows, rowLen, w, wOff, m, v, ids, count, g, gOff, step, dense);
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

    /*
     * The fused steps of the RNN, the GRU and attention pooling: like the LSTM's above, the
     * elementwise work between (or after) a layer's GEMMs, one call where the layer made several.
     * Each default composes the generic kernels in the order the layers used to call them, so its
     * bits are theirs; a fused version must match it to float rounding. Rows are n values, offsets
     * in elements, an upstream gradient {@code up} walks with {@code upStep} 0 (one value repeated) or 1.
     */

    /**
     * The RNN step's activation, h = σ(pre) for n values ({@code alpha} as in {@link #unary}). The
     * default is {@link #unary}: the forward has nothing to fuse, it is here to pair with the backward.
     */
    default void rnnStepForward(UnaryOp sigma, double alpha, int n, Storage pre, int preOff, Storage h, int hOff) {
        RnnStep.forward(this, sigma, alpha, n, pre, preOff, h, hOff);
    }

    /**
     * One RNN step back: dh ← up + dh (the output's gradient joins the one from step t+1), then
     * dpre = dh ⊙ σ'(pre), with σ' taken from pre or h = σ(pre) as {@link UnaryOp} says.
     * dh_{t−1} = dpre·W_hh is left to {@link #gemm}.
     */
    default void rnnStepBackward(UnaryOp sigma, double alpha, int n, Storage pre, int preOff, Storage h, int hOff,
                                 Storage up, int upOff, int upStep, Storage dh, int dhOff, Storage dpre, int dpreOff) {
        RnnStep.backward(this, sigma, alpha, n, pre, preOff, h, hOff, up, upOff, upStep, dh, dhOff, dpre, dpreOff);
    }

    /**
     * The first half of a GRU step, after the GEMM of the update and reset gates: {@code pre} and
     * {@code act} hold three blocks of n values in the order z, r, h̃; writes act_z = σ(pre_z),
     * act_r = σ(pre_r) and resetH = r ⊙ h_{t−1}, the input of the candidate's GEMM.
     */
    default void gruGatesForward(int n, Storage pre, int preOff, Storage hPrev, int hPrevOff, Storage act, int actOff,
                                 Storage resetH, int resetHOff) {
        GruStep.gatesForward(this, n, pre, preOff, hPrev, hPrevOff, act, actOff, resetH, resetHOff);
    }

    /**
     * The second half of a GRU step, after the candidate's GEMM: act_h̃ = h̃ = tanh(pre_h̃) and
     * h_t = h̃ + z ⊙ (h_{t−1} − h̃). {@code h} must not overlap {@code hPrev} or {@code act}.
     */
    default void gruStateForward(int n, Storage pre, int preOff, Storage hPrev, int hPrevOff, Storage act, int actOff,
                                 Storage h, int hOff) {
        GruStep.stateForward(this, n, pre, preOff, hPrev, hPrevOff, act, actOff, h, hOff);
    }

    /**
     * The GRU step back through the state, from the saved act: dh ← up + dh, then the candidate's
     * dpre_h̃ = dh ⊙ (1 − z) ⊙ (1 − h̃²). d(r ⊙ h_{t−1}) = dpre_h̃·W_hh̃ is left to {@link #gemm}.
     */
    default void gruStateBackward(int n, Storage act, int actOff, Storage up, int upOff, int upStep, Storage dh,
                                  int dhOff, Storage dpre, int dpreOff) {
        GruStep.stateBackward(this, n, act, actOff, up, upOff, upStep, dh, dhOff, dpre, dpreOff);
    }

    /**
     * The GRU step back through the gates, once dResetH = ∂L/∂(r ⊙ h_{t−1}) is known: with dz =
     * dh ⊙ (h_{t−1} − h̃) and dr = dResetH ⊙ h_{t−1}, writes dpre_z = dz ⊙ z(1 − z), dpre_r = dr ⊙ r(1 − r)
     * and the direct part of ∂L/∂h_{t−1}, dhPrev = dh ⊙ z + dResetH ⊙ r (the part through the gates'
     * GEMM is left to {@link #gemm}). {@code dhPrev} must not overlap the other buffers.
     */
    default void gruGatesBackward(int n, Storage act, int actOff, Storage hPrev, int hPrevOff, Storage dh, int dhOff,
                                  Storage dResetH, int dResetHOff, Storage dhPrev, int dhPrevOff, Storage dpre,
                                  int dpreOff) {
        GruStep.gatesBackward(this, n, act, actOff, hPrev, hPrevOff, dh, dhOff, dResetH, dResetHOff, dhPrev, dhPrevOff,
                dpre, dpreOff);
    }

    /**
     * Dot-score attention pooling, for x [B, T, d], the query h [B, d] and an optional mask [B, T]
     * (1 keep, 0 drop; null keeps every position), all contiguous from offset 0:
     * α = softmax over the kept positions of e_t = x_t·h (0 where dropped; a row with nothing kept
     * gets α = 0), written to alpha [B, T], and c = Σ_t α_t x_t, written to c [B, d].
     */
    default void attentionPoolForward(int batch, int steps, int d, Storage x, Storage h, Storage mask, Storage alpha,
                                      Storage c) {
        AttentionPool.forward(this, batch, steps, d, x, h, mask, alpha, c);
    }

    /**
     * The backward of {@link #attentionPoolForward} from its α, gc = ∂L/∂c [B, d] and the optional
     * gAlpha = ∂L/∂α [B, T] (null: 0): with dα_t = gAlpha_t + gc·x_t, writes the score gradient
     * de = α ⊙ (dα − Σ_s α_s dα_s) [B, T] (for a caller chaining another score), dx_t = α_t gc + de_t h
     * [B, T, d] and dh = Σ_t de_t x_t [B, d].
     */
    default void attentionPoolBackward(int batch, int steps, int d, Storage x, Storage h, Storage alpha,
                                       Storage gAlpha, Storage gc, Storage de, Storage dx, Storage dh) {
        AttentionPool.backward(this, batch, steps, d, x, h, alpha, gAlpha, gc, de, dx, dh);
    }

    /**
     * The attention weights of scaled dot-product attention under a key mask, for the scores s = Q Kᵀ of
     * {@code batch}·{@code heads} matrices [Tq, Tk] (matrix g = b·heads + j is head j of batch row b; row t a
     * query, column u a key), contiguous from sOff, and keep [B, Tk] (1 keep, 0 drop; null keeps every key). The
     * queries are the last Tq ≤ Tk positions: query t stands at position p_t = t + Tk − Tq.
     * <pre>
     *   α[g, t, u] = exp(c·s[g, t, u] − m) / Σ_{u' ∈ K_t} exp(c·s[g, t, u'] − m)   for u ∈ K_t, 0 elsewhere
     *   K_t = {u : keep[b, u] ≠ 0, and u ≤ p_t when causal}, or {p_t} when that set is empty
     * </pre>
     * (c = {@code scale}, m the row's largest kept c·s). A query with no key to see keeps its own, so that its
     * row is not 0/0; its output means nothing and the models mask it out. Written to alpha [B·heads, Tq, Tk]
     * from offset 0, every element (0 or not). Unless a backend fuses it, this is {@link AttentionSoftmax}'s composition.
     */
    default void attentionSoftmax(int batch, int heads, int queries, int keys, double scale, boolean causal,
                                  Storage keep, Storage s, int sOff, Storage alpha) {
        AttentionSoftmax.forward(this, batch, heads, queries, keys, scale, causal, keep, s, sOff, alpha);
    }

    /**
     * The backward of {@link #attentionSoftmax}: from its α and g = ∂L/∂α ({@code rows} rows of Tk, both
     * contiguous, g from gOff), ds = c · α ⊙ (g − Σ_u α_u g_u) per row, written to ds from offset 0. Dropped
     * keys have α = 0 and so get ds = 0: the mask is not needed again; {@code causal} says that row t of each
     * [Tq, Tk] matrix is 0 beyond column p_t, which a backend may skip reading (it still writes ds = 0 there:
     * ds, like α, is written in full, so callers need not clear it).
     */
    default void attentionSoftmaxBackward(int rows, int queries, int keys, double scale, boolean causal, Storage alpha,
                                          Storage g, int gOff, Storage ds) {
        AttentionSoftmax.backward(this, rows, keys, scale, alpha, g, gOff, ds);
    }

    /**
     * Layer normalization of {@code rows} rows of d (x contiguous from xOff), with γ, β [d] from offset 0:
     * <pre>
     *   μ = (1/d) Σ_k x_k,   r = 1 / √((1/d) Σ_k (x_k − μ)² + ε),   y_k = γ_k (x_k − μ) r + β_k
     * </pre>
     * y [rows, d], μ and r [rows] written from offset 0 (μ and r are what the backward needs). Unless a backend
     * fuses it, this is {@link LayerNormSteps}'s composition.
     */
    default void layerNormForward(int rows, int d, double eps, Storage x, int xOff, Storage gamma, Storage beta,
                                  Storage y, Storage mean, Storage rstd) {
        LayerNormSteps.forward(this, rows, d, eps, x, xOff, gamma, beta, y, mean, rstd);
    }

    /**
     * The backward of {@link #layerNormForward} from dy [rows, d] (from offset 0): with x̂ = (x − μ) r and
     * g = dy ⊙ γ per row,
     * <pre>
     *   dx = r (g − mean(g) − x̂ · mean(g ⊙ x̂)),   dγ = Σ_rows dy ⊙ x̂,   dβ = Σ_rows dy
     * </pre>
     * written (not added) to dx [rows, d], dγ and dβ [d], all from offset 0.
     */
    default void layerNormBackward(int rows, int d, Storage x, int xOff, Storage gamma, Storage mean, Storage rstd,
                                   Storage dy, Storage dx, Storage dGamma, Storage dBeta) {
        LayerNormSteps.backward(this, rows, d, x, xOff, gamma, mean, rstd, dy, dx, dGamma, dBeta);
    }

    // ---------------------------------------------------------------- differentially private training (DP-SGD)

    /**
     * Per-example squared norms: out[outOff + r] = Σ_c x[xOff + r·cols + c]² for each of {@code rows} rows
     * (x row-major [rows, cols]); out is overwritten. DP-SGD's per-example gradient norms are built from these
     * (a dense layer's per-example gradient δᵢ aᵢᵀ has squared norm ‖δᵢ‖²·‖aᵢ‖²).
     */
    default void rowSquaredNorms(int rows, int cols, Storage x, int xOff, Storage out, int outOff) {
        throw new UnsupportedOperationException("the " + name() + " backend has no rowSquaredNorms kernel (DP-SGD)");
    }

    /**
     * Per-example clipping factors: out[outOff + r] = min(1, C / √sumSq[sOff + r]) (1 where the norm is 0), so
     * that scaling example r's gradient by it clips its norm to at most C (Abadi et al. 2016).
     */
    default void clipFactors(int rows, Storage sumSq, int sOff, double maxNorm, Storage out, int outOff) {
        throw new UnsupportedOperationException("the " + name() + " backend has no clipFactors kernel (DP-SGD)");
    }

    /**
     * Adds Gaussian noise: out[outOff + i] += std · {@code jgrad.random.ZigguratNormal.gaussian(seed, offset + i)},
     * the same draws on every device and for any split of the range.
     */
    default void addGaussian(int n, long seed, long offset, double std, Storage out, int outOff) {
        throw new UnsupportedOperationException("the " + name() + " backend has no addGaussian kernel (DP-SGD)");
    }
}
