package jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import jgrad.backend.ConvGeometry;
import jgrad.backend.Reusable;

/**
 * The convolution with its bias and ReLU ({@link jgrad.backend.Backend#convForward} and its backward) on
 * float arrays, a chunk of images at a time. A chunk's column matrix [K, m·P] (K = C·kh·kw, P = outH·outW)
 * and its rows of Z or D [C_out, m·P] are a few hundred kilobytes, so everything after im2col runs in cache:
 * the bias, the ReLU and the layout [C_out, m·P] → [m, C_out, P] are one pass over a chunk just computed
 * instead of four passes over the batch's output in memory, and the backward's ReLU mask is applied while
 * D is laid out. Chunk products go to {@link SimdGemm}; a shallow product (K ≤ {@link #SMALL_DEPTH}, the first
 * convolution of an image model: C = 1, K = 9) is three direct loops instead, which a packed GEMM serves
 * badly (its tile would be 9 deep, or 9 rows tall).
 *
 * <p>Chunks go to threads. The weight and bias gradients are summed per group of chunks, a fixed number of
 * groups set by the geometry alone, and the groups are added in order: the bits do not depend on the
 * thread count.
 */
final class SimdConvolution {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Columns of a chunk: enough for the GEMM's column panels, little enough for the chunk to stay in L2. */
    static final int CHUNK_COLUMNS = 512;
    /** Depth K up to which the direct loops replace the GEMM. */
    static final int SMALL_DEPTH = 16;
    /** Partial sums of the weight gradient: at most this many, whatever the thread count. */
    static final int GROUPS = 8;
    /** Multiply-adds per task before a split across threads pays. */
    static final long GRAIN = 1L << 20;
    static final Reusable<Workspace> WORKSPACE = new Reusable<>(Workspace::new);

    private SimdConvolution() {
    }

    /** The buffers of one thread's chunks, kept for the next call. */
    static final class Workspace {
        float[] cols = new float[0];
        float[] rows = new float[0];
        float[] dcols = new float[0];
        float[] partials = new float[0];

        static float[] atLeast(float[] a, int n) {
            return a.length >= n ? a : new float[n];
        }
    }

    /** Images per chunk: CHUNK_COLUMNS output positions, at least one image. */
    static int imagesPerChunk(ConvGeometry g) {
        int p = g.outH() * g.outW();
        return Math.max(1, Math.min(g.batch(), CHUNK_COLUMNS / Math.max(1, p)));
    }

    static void forward(ConvGeometry g, int filters, boolean relu, float[] x, int xOff, float[] w, int wOff,
                        float[] b, int bOff, float[] z, int zOff) {
        overChunks(g, filters, (n0, m, ws) -> forwardChunk(g, filters, relu, x, xOff, w, wOff, b, bOff, z, zOff,
                n0, m, ws));
    }

    /** The work on images [n0, n0 + m) of one chunk, with this thread's workspace. */
    @FunctionalInterface
    interface ChunkWork {
        void run(int n0, int m, Workspace ws);
    }

    /**
     * Runs {@code work} on every chunk of {@link #imagesPerChunk} images, the chunks dealt round-robin to as many
     * tasks as the convolution's work (filters · patch · positions) warrants; each task takes one workspace.
     */
    static void overChunks(ConvGeometry g, int filters, ChunkWork work) {
        int per = imagesPerChunk(g);
        int chunks = (g.batch() + per - 1) / per;
        long flops = (long) filters * g.patchSize() * g.positions();
        int tasks = Math.min(chunks, SimdParallel.tasksFor(flops, GRAIN));
        SimdParallel.run(tasks, t -> {
            Workspace ws = WORKSPACE.take();
            try {
                for (int ch = t; ch < chunks; ch += tasks) {
                    int n0 = ch * per;
                    work.run(n0, Math.min(per, g.batch() - n0), ws);
                }
            } finally {
                WORKSPACE.give(ws);
            }
        });
    }

    private static void forwardChunk(ConvGeometry g, int filters, boolean relu, float[] x, int xOff, float[] w,
                                     int wOff, float[] b, int bOff, float[] z, int zOff, int n0, int m, Workspace ws) {
        int k = g.patchSize();
        int p = g.outH() * g.outW();
        int width = m * p;
        float[] cols = ws.cols = Workspace.atLeast(ws.cols, k * width);
        SimdConv.im2col(g.withBatch(m), 0f, x, xOff + n0 * imageSize(g), cols, 0);
        if (k <= SMALL_DEPTH) {
            SimdConvShallow.forward(k, filters, relu, cols, width, m, p, w, wOff, b, bOff, z, zOff + n0 * filters * p);
            return;
        }
        float[] rows = ws.rows = Workspace.atLeast(ws.rows, filters * width);
        SimdGemm.gemm(false, false, filters, width, k, w, wOff, k, cols, 0, width, 0f, rows, 0, width);
        for (int n = 0; n < m; n++) {
            for (int o = 0; o < filters; o++) {
                biasAndActivation(rows, o * width + n * p, b[bOff + o], relu, z, zOff + ((n0 + n) * filters + o) * p, p);
            }
        }
    }

    /** to[..p) = act(from[..p) + bias). */
    static void biasAndActivation(float[] rows, int from, float bias, boolean relu, float[] z, int to, int p) {
        int q = 0;
        for (int upper = S.loopBound(p); q < upper; q += S.length()) {
            FloatVector v = FloatVector.fromArray(S, rows, from + q).add(bias);
            (relu ? v.max(0f) : v).intoArray(z, to + q);
        }
        for (; q < p; q++) {
            float s = rows[from + q] + bias;
            z[to + q] = relu ? Math.max(s, 0f) : s;
        }
    }

    /** Writes the rows of D [C_out, m·P] of the chunk of images n0 … n0 + m − 1 into rows. */
    interface ChunkGradient {
        void rows(int n0, int m, float[] rows);
    }

    static void backward(ConvGeometry g, int filters, boolean relu, float[] x, int xOff, float[] w, int wOff,
                         float[] z, int zOff, float[] dz, int dzOff, float[] dx, int dxOff, float[] dW, float[] db) {
        int p = g.outH() * g.outW();
        backward(g, filters, (n0, m, rows) -> {
            for (int n = 0; n < m; n++) {
                for (int o = 0; o < filters; o++) {
                    int at = ((n0 + n) * filters + o) * p;
                    reluMask(relu, dz, dzOff + at, z, zOff + at, rows, o * m * p + n * p, p);
                }
            }
        }, x, xOff, w, wOff, dx, dxOff, dW, db);
    }

    /** The backward from the rows of D that {@code d} writes per chunk: dW, db and dx as in {@link #backward}. */
    static void backward(ConvGeometry g, int filters, ChunkGradient d, float[] x, int xOff, float[] w, int wOff,
                         float[] dx, int dxOff, float[] dW, float[] db) {
        int per = imagesPerChunk(g);
        int chunks = (g.batch() + per - 1) / per;
        int groups = Math.max(1, Math.min(chunks, GROUPS));
        int k = g.patchSize();
        int part = (k + 1) * filters;                       // dWᵀ [K, C_out], then db [C_out]
        Workspace mine = WORKSPACE.take();
        try {
            float[] partials = mine.partials = Workspace.atLeast(mine.partials, groups * part);
            long work = 2L * filters * k * g.positions();
            int tasks = Math.min(groups, SimdParallel.tasksFor(work, GRAIN));
            SimdParallel.run(tasks, t -> {
                Workspace ws = WORKSPACE.take();
                try {
                    for (int gr = t; gr < groups; gr += tasks) {
                        int first = (int) ((long) chunks * gr / groups);
                        int end = (int) ((long) chunks * (gr + 1) / groups);
                        for (int ch = first; ch < end; ch++) {
                            int n0 = ch * per;
                            backwardChunk(g, filters, d, x, xOff, w, wOff, dx, dxOff, dW != null, db != null, n0,
                                    Math.min(per, g.batch() - n0), ws, partials, gr * part, ch == first);
                        }
                    }
                } finally {
                    WORKSPACE.give(ws);
                }
            });
            sumGroups(partials, groups, part, k, filters, dW, db);
        } finally {
            WORKSPACE.give(mine);
        }
    }

    private static void backwardChunk(ConvGeometry g, int filters, ChunkGradient d, float[] x, int xOff, float[] w,
                                      int wOff, float[] dx, int dxOff, boolean wantW, boolean wantB, int n0, int m,
                                      Workspace ws, float[] partials, int pOff, boolean first) {
        int k = g.patchSize();
        int p = g.outH() * g.outW();
        int width = m * p;
        float[] rows = ws.rows = Workspace.atLeast(ws.rows, filters * width);
        d.rows(n0, m, rows);
        if (wantB) {
            for (int o = 0; o < filters; o++) {
                float s = SimdConvShallow.sum(rows, o * width, width);
                int at = pOff + k * filters + o;
                partials[at] = first ? s : partials[at] + s;
            }
        }
        ConvGeometry chunk = g.withBatch(m);
        if (wantW) {
            float[] cols = ws.cols = Workspace.atLeast(ws.cols, k * width);
            SimdConv.im2col(chunk, 0f, x, xOff + n0 * imageSize(g), cols, 0);
            if (k <= SMALL_DEPTH) {
                SimdConvShallow.weightGradient(k, filters, rows, cols, width, partials, pOff, first);
            } else {
                SimdGemm.gemm(false, true, k, filters, width, cols, 0, width, rows, 0, width, first ? 0f : 1f,
                        partials, pOff, filters);
            }
        }
        if (dx != null) {
            float[] dcols = ws.dcols = Workspace.atLeast(ws.dcols, k * width);
            if (k <= SMALL_DEPTH) {
                SimdConvShallow.columns(k, filters, w, wOff, rows, width, dcols);
            } else {
                SimdGemm.gemm(true, false, k, width, filters, w, wOff, k, rows, 0, width, 0f, dcols, 0, width);
            }
            SimdConv.col2im(chunk, dcols, 0, dx, dxOff + n0 * imageSize(g));
        }
    }

    /** out[..p) = dz[..p) where z &gt; 0, else 0 (relu); dz itself otherwise. */
    static void reluMask(boolean relu, float[] dz, int dzAt, float[] z, int zAt, float[] out, int outAt, int p) {
        if (!relu) {
            System.arraycopy(dz, dzAt, out, outAt, p);
            return;
        }
        FloatVector zero = FloatVector.zero(S);
        int q = 0;
        for (int upper = S.loopBound(p); q < upper; q += S.length()) {
            FloatVector d = FloatVector.fromArray(S, dz, dzAt + q);
            zero.blend(d, FloatVector.fromArray(S, z, zAt + q).compare(VectorOperators.GT, 0f)).intoArray(out, outAt + q);
        }
        for (; q < p; q++) {
            out[outAt + q] = z[zAt + q] > 0 ? dz[dzAt + q] : 0f;
        }
    }

    /**
     * dW[o, kk] = Σ_groups dWᵀ[kk, o], db[o] = Σ_groups db[o], the groups in order: added into the first group
     * with vectors (element by element, each group at its own stride, took 4 % of the sentiment CNN's step),
     * then dWᵀ transposed into dW.
     */
    private static void sumGroups(float[] partials, int groups, int part, int k, int filters, float[] dW, float[] db) {
        for (int gr = 1; gr < groups; gr++) {
            SimdConv.addRun(partials, gr * part, partials, 0, part);
        }
        if (dW != null) {
            for (int o = 0; o < filters; o++) {
                for (int kk = 0; kk < k; kk++) {
                    dW[o * k + kk] = partials[kk * filters + o];
                }
            }
        }
        if (db != null) {
            System.arraycopy(partials, k * filters, db, 0, filters);
        }
    }

    static int imageSize(ConvGeometry g) {
        return g.channels() * g.height() * g.width();
    }
}
