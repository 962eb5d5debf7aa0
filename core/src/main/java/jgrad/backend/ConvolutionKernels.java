package jgrad.backend;

/**
 * Convolution and pooling over batches of images (and of 1-d signals laid out channels last): the
 * im2col/col2im unfolding, the fused convolutions with bias and ReLU, max pooling, and the convolution fused
 * with its max pooling, with their backwards.
 *
 * <p>One family of {@link Backend}'s kernels, implemented only through it (hence sealed): a default that
 * composes other kernels hands them the whole backend.
 */
public sealed interface ConvolutionKernels permits Backend {

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
        ComposedConv.forward((Backend) this, g, filters, relu, x, xOff, w, wOff, b, bOff, z, zOff);
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
        ComposedConv.backward((Backend) this, g, filters, relu, x, xOff, w, wOff, z, zOff, dz, dzOff, dx, dxOff, dW,
                db);
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
        ComposedConvRows.forward((Backend) this, g, filters, relu, x, xOff, w, wOff, b, bOff, z, zOff);
    }

    /**
     * The backward of {@link #convRowsForward}: {@link #convBackward}'s gradients with x and dx laid out
     * [batch, length, channels]. Each of dx, dW, db that is null is not computed; the others are overwritten.
     */
    default void convRowsBackward(ConvGeometry g, int filters, boolean relu, Storage x, int xOff, Storage w, int wOff,
                                  Storage z, int zOff, Storage dz, int dzOff, Storage dx, int dxOff, Storage dW,
                                  Storage db) {
        ComposedConvRows.backward((Backend) this, g, filters, relu, x, xOff, w, wOff, z, zOff, dz, dzOff, dx, dxOff,
                dW, db);
    }

    /**
     * Max pooling of x [batch, channels, height, width] (contiguous from xOff) over the windows of g, written
     * to y [batch, channels, outH, outW]: y[n, c, i, j] = max over the taps (u, v) inside x of
     * x[n, c, i·sh + u·dh − ph, j·sw + v·dw − pw] (a padded position never wins). The default composes
     * {@link #im2col} and a MAX {@link ReductionKernels#reduce} ({@link ComposedPooling}); the CPU backends fuse it
     * into one pass.
     */
    default void maxPool(ConvGeometry g, Storage x, int xOff, Storage y, int yOff) {
        ComposedPooling.maxPool((Backend) this, g, x, xOff, y, yOff);
    }

    /**
     * The backward of {@link #maxPool}, from x, its output y and the upstream dy: dx = Σ over windows of
     * dy[n, c, i, j] / t at each of the t taps inside x whose value equals y[n, c, i, j] (a tie shares the
     * gradient equally), 0 elsewhere. Overwrites dx.
     */
    default void maxPoolBackward(ConvGeometry g, Storage x, int xOff, Storage y, int yOff, Storage dy, int dyOff,
                                 Storage dx, int dxOff) {
        ComposedPooling.maxPoolBackward((Backend) this, g, x, xOff, y, yOff, dy, dyOff, dx, dxOff);
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
        ComposedConvPool.forward((Backend) this, g, filters, pool, x, xOff, w, wOff, b, bOff, y, record);
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
        ComposedConvPool.backward((Backend) this, g, filters, pool, x, xOff, w, wOff, y, record, dy, dyOff, dx,
                dxOff, dW, db);
    }
}
