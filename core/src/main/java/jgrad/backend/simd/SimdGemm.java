package jgrad.backend.simd;

import static jgrad.backend.simd.SimdGemmConfig.roundUp;
import static jgrad.backend.simd.SimdMicroKernel.L;
import static jgrad.backend.simd.SimdMicroKernel.MR;
import static jgrad.backend.simd.SimdMicroKernel.NR;
import static jgrad.backend.simd.SimdMicroKernel.S;

import jdk.incubator.vector.FloatVector;
import jgrad.backend.Reusable;
import jgrad.backend.Settings;

/**
 * Single-precision GEMM, C = op(A)·op(B) + β·C, in the GOTO/BLIS arrangement: for each KC-deep
 * slice, op(A) is packed once (all its rows, or large groups of them) and op(B) one NC-wide panel at a
 * time (sized for L2), which every MC-row block of the packed op(A) then meets: the blocks' MR-row
 * slivers each stay in L1 while the panel streams past ({@link #macro}), and the micro-kernel keeps
 * an MR×NR tile of C in registers. The tile and the
 * block sizes are chosen for the CPU at start-up ({@link SimdGemmConfig}). On several threads, products with enough rows go to
 * {@link SimdGemmTeam} (one packed op(B) shared by all threads, rows claimed block by block); the
 * others are cut into one band per thread, each packing all of the smaller operand. A·Bᵀ with few rows of A
 * is computed as its transpose ({@link SimdGemmSwap}), so that the large B is read in place. Tiny products skip
 * packing altogether, and matrix-vector shapes go to {@link SimdGemv}.
 *
 * <p>Every element of C is reduced the same way on any number of threads: Σ over the KC slices in
 * order, each slice a chain of FMAs over p in order (the micro-kernel), added to C. Only the
 * assignment of blocks to threads differs, so the result bits do not depend on the thread count.
 */
final class SimdGemm {

    /** Depth of a packed slice, rows of a packed block of op(A), columns of a packed panel of op(B): {@link SimdGemmConfig}. */
    static final int KC = SimdGemmConfig.CHOSEN.kc;
    static final int MC = SimdGemmConfig.CHOSEN.mc;
    static final int NC = SimdGemmConfig.CHOSEN.nc;
    /** Up to this many multiply-adds, packing costs more than it saves. */
    private static final long TINY = 4096;
    /**
     * Multiply-adds each extra thread must get before a split pays for the hand-off: 2²¹ at 16 lanes, a
     * fixed time (about 35 µs), so half as many at 8 lanes, where each takes twice as long. At 2²¹ on
     * 8 lanes the MLP's 32×784×128 products stayed on one thread. {@code -Djgrad.gemm.grain=N} sets it.
     */
    static final long PARALLEL_GRAIN = Settings.longInteger("gemm.grain", (1L << 17) * L, 1);

    /**
     * Java puts the elements of a large array (a G1 humongous object, region-aligned) 16 bytes past
     * a 64-byte line; starting the panels 12 floats in makes every full-vector load line-aligned,
     * which removed large run-to-run swings in the probe. The buffer is made large on purpose.
     */
    static final int ALIGN = 12;
    /** 4 MB: humongous (so region-aligned) for G1 regions up to 8 MB, that is heaps up to 16 GB. */
    private static final int HUMONGOUS = 1 << 20;
    /** Most floats of op(A) packed at a time (8 MB): about 3,600 rows at KC 576. */
    static final int PACKED_A = 1 << 21;
    /**
     * Rows from which several threads share one packed op(B) ({@link SimdGemmTeam}). It needs a few row
     * blocks per thread, each reusing the shared panel enough to repay its trip through L3; with fewer
     * rows, bands of columns are as good: each thread then packs all of op(A), which is small.
     */
    static final int TEAM_ROWS = 288;
    /** Bands of columns per task where cutting finer costs no packing ({@link #split}). */
    static final int BANDS_PER_TASK = 4;
    /** Per thread on platform threads, borrowed per product on virtual ones (a workspace is megabytes). */
    private static final Reusable<Workspace> WORKSPACE = new Reusable<>(Workspace::new);

    private SimdGemm() {
    }

    /** Packing buffers of one thread, reused so that a steady-state multiply allocates nothing. */
    static final class Workspace {
        final float[] buf = new float[Math.max(ALIGN + KC * NC + MC * KC, HUMONGOUS)];
        final int bBase = ALIGN;
        final int aBase = ALIGN + KC * NC;
        final float[] tile = new float[MR * NR];
        /** The panel of op(B) this thread shares with its team when it calls a threaded GEMM. */
        private float[] shared;
        /** A slice of op(A) packed for every column panel ({@link #blocked}). */
        private float[] packedA = new float[0];
        /** Cᵀ of a product computed transposed ({@link SimdGemmSwap}). */
        private float[] transposedC = new float[0];

        /** A buffer of at least {@code floats} floats for a packed slice of op(A), kept for the next call. */
        float[] packedA(int floats) {
            if (packedA.length < floats) {
                packedA = new float[floats];
            }
            return packedA;
        }

        /** A buffer of at least {@code floats} floats for Cᵀ, kept for the next call. */
        float[] transposedC(int floats) {
            if (transposedC.length < floats) {
                transposedC = new float[floats];
            }
            return transposedC;
        }

        /** A buffer of at least {@code floats} floats after {@link #ALIGN}, kept for the next call. */
        float[] shared(int floats) {
            if (shared == null || shared.length < ALIGN + floats) {
                shared = new float[Math.max(ALIGN + floats, HUMONGOUS)];
            }
            return shared;
        }
    }

    /** Packing buffers for the calling thread, to {@link #release} when the product is done. */
    static Workspace workspace() {
        return WORKSPACE.take();
    }

    static void release(Workspace ws) {
        WORKSPACE.give(ws);
    }

    /** Checks a product's sizes and leading dimensions, naming them, before any index goes out of range. */
    static void checkArguments(boolean transA, boolean transB, int m, int n, int k, int lda, int ldb, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm: negative size m=" + m + " n=" + n + " k=" + k);
        }
        int aCols = transA ? m : k;
        int bCols = transB ? k : n;
        if (lda < aCols || ldb < bCols || ldc < n) {
            throw new IllegalArgumentException("gemm: leading dimension too small: lda=" + lda + " (needs " + aCols
                    + "), ldb=" + ldb + " (needs " + bCols + "), ldc=" + ldc + " (needs " + n + ")");
        }
    }

    static void gemm(boolean ta, boolean tb, int m, int n, int k, float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        long work = (long) m * n * k;
        if (work <= TINY) {
            scaleC(c, cOff, ldc, 0, m, 0, n, beta);
            tiny(ta, tb, m, n, k, a, aOff, lda, b, bOff, ldb, beta != 0, c, cOff, ldc);
            return;
        }
        if (m == 1 || n == 1) {
            scaleC(c, cOff, ldc, 0, m, 0, n, beta);
            SimdGemv.gemv(ta, tb, m, n, k, a, aOff, lda, b, bOff, ldb, beta != 0, c, cOff, ldc);
            return;
        }
        int tasks = SimdParallel.tasksFor(work, PARALLEL_GRAIN);
        if (SimdGemmSwap.applies(ta, tb, m, n)) {
            SimdGemmSwap.gemm(tasks, m, n, k, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        packed(tasks, ta, tb, m, n, k, a, aOff, lda, b, bOff, ldb,
                beta, c, cOff, ldc);
    }

    /**
     * The packed product on {@code tasks} tasks (at least 1, m, n, k at least 1). Package-private so
     * that a test can compare task counts in one JVM.
     */
    static void packed(int tasks, boolean ta, boolean tb, int m, int n, int k, float[] a, int aOff, int lda,
                       float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        if (tasks == 1) {
            scaleC(c, cOff, ldc, 0, m, 0, n, beta);
            blocked(ta, tb, k, a, aOff, lda, b, bOff, ldb, beta != 0, c, cOff, ldc, 0, m, 0, n);
        } else if (m >= TEAM_ROWS) {
            new SimdGemmTeam(tasks, ta, tb, m, n, k, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc).run();
        } else {
            split(tasks, ta, tb, m, n, k, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }
    }

    /**
     * Each task computes a band of C on its own, packing its share of one operand and all of the
     * other; the band is cut across the larger side, so the duplicated packing is the smaller one.
     * Bands of columns against an A read in place ({@link SimdGemmInPlace}) cost nothing to cut finer, so
     * there are {@link #BANDS_PER_TASK} per task, claimed by whichever thread is free: a worker that starts late
     * or runs slower (another VM on its core) then leaves the caller a band to do instead of a wait. Over an MLP
     * training step's parallel calls (its 32×784×128 product among them) the caller waited 15–20 µs per call with
     * halves and 9–16 µs with bands (three JMH forks each, 256 bits, a noisy host).
     */
    private static void split(int tasks, boolean ta, boolean tb, int m, int n, int k, float[] a, int aOff,
                              int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        boolean byRows = m >= n;
        int unit = byRows ? MR : NR;
        int size = byRows ? m : n;
        int bands = !byRows && SimdGemmInPlace.applies(ta, n)
                ? Math.min(tasks * BANDS_PER_TASK, Math.ceilDiv(size, unit)) : tasks;
        int chunk = roundUp(Math.ceilDiv(size, bands), unit);
        SimdParallel.run(bands, t -> {
            int lo = Math.min(size, t * chunk);
            int hi = Math.min(size, lo + chunk);
            int i0 = byRows ? lo : 0, i1 = byRows ? hi : m;
            int j0 = byRows ? 0 : lo, j1 = byRows ? n : hi;
            if (i0 < i1 && j0 < j1) {
                scaleC(c, cOff, ldc, i0, i1, j0, j1, beta);
                blocked(ta, tb, k, a, aOff, lda, b, bOff, ldb, beta != 0, c, cOff, ldc, i0, i1, j0, j1);
            }
        });
    }

    /**
     * C = β·C on a block before the product is added. β = 1 leaves C alone, and so does β = 0: every path
     * then writes C instead of adding to it (the first k-panel, the tiny loop, the matrix-vector product),
     * so C is never read and a NaN in it cannot leak, as BLAS specifies.
     */
    static void scaleC(float[] c, int cOff, int ldc, int i0, int i1, int j0, int j1, float beta) {
        if (beta == 1 || beta == 0) {
            return;
        }
        for (int i = i0; i < i1; i++) {
            int row = cOff + i * ldc;
            for (int j = j0; j < j1; j++) {
                c[row + j] *= beta;
            }
        }
    }

    /**
     * The block [i0,i1)×[j0,j1) of C, plus C when {@code add}, through packed panels. A slice of op(A)
     * (a group of rows, KC deep) is packed once and serves every column panel of op(B); packing it again
     * for each panel, as the textbook loop order does, cost 6–10 % of a product at 256 bits, where the
     * 4-row tile leaves the packing a larger share than the 12-row one does.
     */
    private static void blocked(boolean ta, boolean tb, int k, float[] a, int aOff, int lda,
                                float[] b, int bOff, int ldb, boolean add, float[] c, int cOff, int ldc,
                                int i0, int i1, int j0, int j1) {
        blocked(ta, tb, k, a, aOff, lda, b, bOff, ldb, null, add, c, cOff, ldc, i0, i1, j0, j1);
    }

    /**
     * {@link #blocked} with op(B) either packed panel by panel from b, or, when {@code packed} is not null, read
     * from the whole op(B) packed ahead ({@link SimdGemmPackedRight}, at {@code bOff}, ldb its padded width, j0 a
     * multiple of NR): the same panels, so the same sums.
     */
    static void blocked(boolean ta, boolean tb, int k, float[] a, int aOff, int lda,
                        float[] b, int bOff, int ldb, float[] packed, boolean add, float[] c, int cOff, int ldc,
                        int i0, int i1, int j0, int j1) {
        Workspace ws = workspace();
        try {
            int slice = sliceDepth(k);
            int group = rowGroup(i1 - i0, slice);
            float[] ap = ws.packedA(roundUp(group, MR) * slice);
            boolean inPlace = SimdGemmInPlace.applies(ta, j1 - j0);
            for (int ig = i0; ig < i1; ig += group) {
                int gm = Math.min(group, i1 - ig);
                for (int pc = 0; pc < k; pc += slice) {
                    int kc = Math.min(slice, k - pc);
                    if (!inPlace) {
                        SimdGemmPack.packA(ta, a, aOff, lda, ig, gm, pc, kc, ap, 0);
                    }
                    for (int jc = j0; jc < j1; jc += NC) {
                        int nc = Math.min(NC, j1 - jc);
                        float[] bp = packed;
                        int bBase = bOff + pc * ldb + jc * kc;
                        if (packed == null) {
                            SimdGemmPack.packB(tb, b, bOff, ldb, pc, kc, jc, nc, ws.buf, ws.bBase);
                            bp = ws.buf;
                            bBase = ws.bBase;
                        }
                        for (int ic = 0; ic < gm; ic += MC) {
                            int mc = Math.min(MC, gm - ic);
                            int cAt = cOff + (ig + ic) * ldc + jc;
                            if (inPlace) {
                                SimdGemmInPlace.macro(a, aOff + (ig + ic) * lda + pc, lda, bp, bBase, ws.tile,
                                        ap, 0, mc, nc, kc, c, cAt, ldc, add || pc > 0);
                            } else {
                                macro(ap, ic * kc, bp, bBase, ws.tile, mc, nc, kc, c, cAt, ldc, add || pc > 0);
                            }
                        }
                    }
                }
            }
        } finally {
            release(ws);
        }
    }

    /** Rows of op(A) packed at a time: all of them, unless their slice would pass {@link #PACKED_A} floats. */
    static int rowGroup(int rows, int slice) {
        return Math.min(rows, Math.max(MC, PACKED_A / slice / MR * MR));
    }

    /**
     * Runs the micro-kernel over every tile of one packed A block (mc×kc at ap[aBase]) against one
     * packed B panel (kc×nc at bp[bBase]), into the mc×nc block of C at cOff; {@code tile} takes the
     * edge tiles. Row slivers outside, column slivers inside: the MR×kc sliver of A stays in L1 while
     * the B panel (sized for L2) streams past, and C is walked along its rows, an order the hardware
     * prefetchers follow. The other order (a B sliver in L1, A from L2, C down its columns) misses
     * in cache on every row of every C tile, which cost 10–20 % at n = 2048 here.
     */
    static void macro(float[] ap, int aBase, float[] bp, int bBase, float[] tile, int mc, int nc, int kc,
                      float[] c, int cOff, int ldc, boolean add) {
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int ao = aBase + ir * kc;
            for (int jr = 0; jr < nc; jr += NR) {
                int nr = Math.min(NR, nc - jr);
                int bo = bBase + jr * kc;
                int co = cOff + ir * ldc + jr;
                if (mr == MR && nr == NR) {
                    SimdMicroKernel.kernel(kc, ap, ao, bp, bo, c, co, ldc, add);
                } else {
                    SimdMicroKernel.edge(kc, ap, ao, bp, bo, tile, mr, nr, c, co, ldc, add);
                }
            }
        }
    }

    /** Dot products straight from the operands, for products too small to repay packing. */
    private static void tiny(boolean ta, boolean tb, int m, int n, int k, float[] a, int aOff, int lda,
                             float[] b, int bOff, int ldb, boolean add, float[] c, int cOff, int ldc) {
        int vectorColumns = tb ? 0 : S.loopBound(n);
        for (int i = 0; i < m; i++) {
            // B's rows are contiguous in j: a vector of columns at a time, each lane the same chain of FMAs over p
            for (int j = 0; j < vectorColumns; j += L) {
                FloatVector sum = FloatVector.zero(S);
                for (int p = 0; p < k; p++) {
                    float aip = a[aOff + (ta ? p * lda + i : i * lda + p)];
                    sum = FloatVector.broadcast(S, aip).fma(FloatVector.fromArray(S, b, bOff + p * ldb + j), sum);
                }
                int ci = cOff + i * ldc + j;
                (add ? sum.add(FloatVector.fromArray(S, c, ci)) : sum).intoArray(c, ci);
            }
            for (int j = vectorColumns; j < n; j++) {
                float sum = 0;
                for (int p = 0; p < k; p++) {
                    float aip = a[aOff + (ta ? p * lda + i : i * lda + p)];
                    float bpj = b[bOff + (tb ? j * ldb + p : p * ldb + j)];
                    sum = Math.fma(aip, bpj, sum);
                }
                int ci = cOff + i * ldc + j;
                c[ci] = add ? c[ci] + sum : sum;
            }
        }
    }

    /**
     * The depth of the slices k is cut into: k itself up to KC, else equal slices of at most KC (a
     * multiple of 8 but the last), since every slice costs one pass over C and a thin last slice would
     * cost a whole pass for little work. Every path of a product of depth k slices it the same way.
     */
    static int sliceDepth(int k) {
        if (k <= KC) {
            return k;
        }
        int slices = Math.ceilDiv(k, KC);
        return Math.min(KC, roundUp(Math.ceilDiv(k, slices), 8));
    }
}
