package jgrad.backend.simd;

import static jgrad.backend.simd.SimdGemm.ALIGN;
import static jgrad.backend.simd.SimdGemm.MC;
import static jgrad.backend.simd.SimdGemm.NC;
import static jgrad.backend.simd.SimdMicroKernel.MR;
import static jgrad.backend.simd.SimdMicroKernel.NR;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One GEMM, C = op(A)·op(B) + β·C, computed by several threads that share a single packed copy of
 * op(B), the BLIS arrangement for cores with private L2 caches and a shared L3.
 *
 * <p>The product runs in rounds, one per block of columns and span of k: as many columns as a KC slice of
 * the panel holds in {@link #PANEL} floats (all of them up to 1,808 at KC 576), and the whole of k when
 * the panel fits. A round has two phases:
 * <ol>
 *   <li>pack: the threads claim the round's units of op(B), one KC×NR sliver each, and pack them into
 *       one shared panel laid out as {@link SimdGemmPack#packB} lays out a KC slice;</li>
 *   <li>compute: once the whole panel is packed, the threads claim blocks of up to MC rows of C; a
 *       block is finished over the whole span by the thread that claimed it, which packs each of its
 *       mc×KC slices of op(A) once (kept in its L2) and runs {@link SimdGemm#macro} against the
 *       panel's NC-wide parts in turn (each sized for L2). Rounds of NC columns, as before, packed
 *       op(A) again for every round: three times at n = 1024 on the 256-bit plan.</li>
 * </ol>
 * Work is claimed from counters, never assigned: a thread that starts late (the pool's hand-off) or
 * is descheduled (the machine is shared) claims less, and the others do the rest. A thread waits only
 * for work already claimed by another: the panel must be complete before it is read, and the round's
 * row blocks must all be done before the next round overwrites the panel, which also keeps the
 * additions into each element of C in k order.
 *
 * <p>Each element of C is therefore reduced exactly as on one thread (the KC slices in order, each a
 * chain of FMAs in the micro-kernel, added to C), whatever the thread count and whichever thread
 * computed which block: the bits do not depend on the schedule.
 */
final class SimdGemmTeam {

    /**
     * Largest panel of op(B) shared by the team, in floats: 4 MB, which holds all of a 1024×1024 op(B)
     * and stays in L3 beside everything else; the calling thread keeps it for its next product. Rounds
     * of depth 512 instead of 2048 measured the same at n = 2048, so a larger panel would only cost memory.
     */
    static final int PANEL = 1 << 20;
    /**
     * Row blocks per task: enough that claiming evens out threads running at unequal speeds, few
     * enough that each block streams the panel from L3 for a good many multiply-adds.
     */
    private static final int BLOCKS_PER_TASK = 4;
    /** Busy-wait steps before a waiting thread starts yielding its core (a PAUSE each, 10 to 60 ns). */
    private static final int SPINS = 1 << 11;

    private final int tasks;
    private final boolean ta, tb;
    private final int m, n, k;
    private final float[] a, b, c;
    private final int aOff, lda, bOff, ldb, cOff, ldc;
    private final float beta;

    /** Columns per round (cut into parts of NC for the macro-kernel), and the panel's row length: nc rounded up to whole slivers. */
    private final int nc, ncPad;
    /** Depth of each slice of k ({@link SimdGemm#sliceDepth}), and per round: all of k, or a multiple of the slice. */
    private final int kcs, span;
    /** Rows per block, and blocks per round. */
    private final int mc, blocks;
    /** The calling thread's workspace, whose shared buffer holds the panel until {@link #run} ends. */
    private final SimdGemm.Workspace owner;
    private final float[] panel;
    /** Whether the row blocks read op(A) in place ({@link SimdGemmInPlace}) rather than packing it. */
    private final boolean inPlace;

    private final AtomicInteger packNext = new AtomicInteger();
    private final AtomicInteger packDone = new AtomicInteger();
    private final AtomicInteger rowNext = new AtomicInteger();
    private final AtomicInteger rowDone = new AtomicInteger();
    private volatile boolean failed;

    /** Plans the product (m, n, k at least 1); the panel is the calling thread's. */
    SimdGemmTeam(int tasks, boolean ta, boolean tb, int m, int n, int k, float[] a, int aOff, int lda,
                 float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        this.tasks = tasks;
        this.ta = ta;
        this.tb = tb;
        this.m = m;
        this.n = n;
        this.k = k;
        this.a = a;
        this.aOff = aOff;
        this.lda = lda;
        this.b = b;
        this.bOff = bOff;
        this.ldb = ldb;
        this.beta = beta;
        this.c = c;
        this.cOff = cOff;
        this.ldc = ldc;
        kcs = SimdGemm.sliceDepth(k);
        nc = roundWidth(n, kcs);
        ncPad = SimdGemmConfig.roundUp(nc, NR);
        int slices = Math.ceilDiv(k, kcs);
        int fit = Math.max(1, PANEL / (kcs * ncPad));
        span = slices <= fit ? k : fit * kcs;
        mc = Math.min(MC, SimdGemmConfig.roundUp(Math.ceilDiv(m, BLOCKS_PER_TASK * tasks), MR));
        blocks = Math.ceilDiv(m, mc);
        owner = SimdGemm.workspace();
        panel = owner.shared(Math.min(slices, fit) * kcs * ncPad);
        inPlace = SimdGemmInPlace.applies(ta, n);
    }

    /**
     * Columns per round: all n when a slice of the panel holds them, else equal rounds (whole slivers) of
     * at most {@link #widestRound}, so that the last round is not a thin one.
     */
    static int roundWidth(int n, int kcs) {
        int widest = widestRound(kcs);
        int rounds = Math.ceilDiv(n, widest);
        return Math.min(n, SimdGemmConfig.roundUp(Math.ceilDiv(n, rounds), NR));
    }

    /** The most columns of one KC slice of depth {@code kcs} that the panel holds, in whole slivers, at least NC. */
    static int widestRound(int kcs) {
        return Math.max(NC, PANEL / kcs / NR * NR);
    }

    /** Runs the product on {@code tasks} tasks, the caller's thread being one, and returns when it is done. */
    void run() {
        try {
            SimdParallel.run(tasks, t -> work());
        } finally {
            SimdGemm.release(owner);
        }
    }

    /** One task: walks every round, doing whatever work of it is still unclaimed. */
    private void work() {
        int packEnd = 0;            // the counters run on across rounds: round r owns [end of r-1, end of r)
        int rowEnd = 0;
        try {
            for (int jc = 0; jc < n; jc += nc) {
                int width = Math.min(nc, n - jc);
                int slivers = Math.ceilDiv(width, NR);
                for (int ps = 0; ps < k; ps += span) {
                    int depth = Math.min(span, k - ps);
                    await(rowDone, rowEnd);                 // the previous round no longer reads the panel
                    int units = Math.ceilDiv(depth, kcs) * slivers;
                    packEnd += units;
                    for (int u; (u = claim(packNext, packEnd)) >= 0; ) {
                        int unit = u - (packEnd - units);
                        packSliver(unit / slivers, unit % slivers * NR, jc, width, ps, depth);
                        packDone.incrementAndGet();
                    }
                    await(packDone, packEnd);
                    rowEnd += blocks;
                    for (int r; (r = claim(rowNext, rowEnd)) >= 0; ) {
                        rowBlock((r - (rowEnd - blocks)) * mc, jc, width, ps, depth);
                        rowDone.incrementAndGet();
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            failed = true;                                  // releases the others from their waits
            throw e;
        }
    }

    /** Packs the NR columns from {@code col} (of the round's width) of the round's KC slice {@code slice}. */
    private void packSliver(int slice, int col, int jc, int width, int ps, int depth) {
        int p0 = ps + slice * kcs;
        int kc = Math.min(kcs, ps + depth - p0);
        int cols = Math.min(NR, width - col);
        SimdGemmPack.packB(tb, b, bOff, ldb, p0, kc, jc + col, cols, panel, sliceBase(slice) + col * kc);
    }

    /** Rows [ic, ic+mc) of C against the round's panel, over every KC slice of its span in order. */
    private void rowBlock(int ic, int jc, int width, int ps, int depth) {
        SimdGemm.Workspace ws = SimdGemm.workspace();
        try {
            int rows = Math.min(mc, m - ic);
            if (ps == 0) {
                SimdGemm.scaleC(c, cOff, ldc, ic, ic + rows, jc, jc + width, beta);
            }
            for (int slice = 0; slice * kcs < depth; slice++) {
                int p0 = ps + slice * kcs;
                int kc = Math.min(kcs, ps + depth - p0);
                boolean add = beta != 0 || p0 > 0;
                if (!inPlace) {
                    SimdGemmPack.packA(ta, a, aOff, lda, ic, rows, p0, kc, ws.buf, ws.aBase);
                }
                for (int part = 0; part < width; part += NC) {
                    int cols = Math.min(NC, width - part);
                    int cAt = cOff + ic * ldc + jc + part;
                    int bAt = sliceBase(slice) + part * kc;
                    if (inPlace) {
                        SimdGemmInPlace.macro(a, aOff + ic * lda + p0, lda, panel, bAt, ws.tile, ws.buf,
                                ws.aBase, rows, cols, kc, c, cAt, ldc, add);
                    } else {
                        SimdGemm.macro(ws.buf, ws.aBase, panel, bAt, ws.tile, rows, cols, kc, c, cAt, ldc, add);
                    }
                }
            }
        } finally {
            SimdGemm.release(ws);
        }
    }

    /** Where KC slice {@code slice} of the round's span starts in the panel (a line-aligned offset). */
    private int sliceBase(int slice) {
        return ALIGN + slice * kcs * ncPad;
    }

    /** The next value of {@code next} below {@code end}, taken atomically, or -1 when none is left. */
    private static int claim(AtomicInteger next, int end) {
        for (int v = next.get(); v < end; v = next.get()) {
            if (next.compareAndSet(v, v + 1)) {
                return v;
            }
        }
        return -1;
    }

    /**
     * Waits until {@code done} reaches {@code target}: spins briefly (the other thread is usually a
     * sliver or a block away), then yields, so that on a loaded machine the thread being waited for
     * gets the core.
     */
    private void await(AtomicInteger done, int target) {
        for (int i = 0; done.get() < target; i++) {
            if (failed) {
                throw new IllegalStateException("another task of this GEMM failed");
            }
            if (i < SPINS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }
}
