package jgrad.backend.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import jgrad.backend.Backends;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SIMD GEMM gives the same bits on any number of tasks as on one: every element of C is reduced
 * over k in the same order whichever thread computes it. Real-valued inputs, so that any change in
 * the order of the additions shows in the bits. The shapes reach every way of splitting a product:
 * the shared panel of op(B) ({@link SimdGemmTeam}: m at least {@link SimdGemm#TEAM_ROWS}) with one
 * round, several rounds of columns (n past NC) and several rounds of depth (k past what fits in
 * {@link SimdGemmTeam#PANEL}), and the bands by rows and by columns of smaller m, all with ragged
 * edges (m not a multiple of MR, n not a multiple of NR, k not a multiple of KC), every transpose
 * combination, β = 0 (over NaN), 1, and others, offsets and wide leading dimensions.
 *
 * <p>Task counts above the machine's threads are run too: tasks that start after the others have
 * finished must find nothing left to do (and never wait for work nobody has claimed).
 */
class SimdGemmThreadsTest {

    @BeforeEach
    void vectorApi() {
        Assumptions.assumeTrue(Backends.vectorApiAvailable(),
                "jdk.incubator.vector is not readable in this JVM (the scalar run of the suite): no SIMD GEMM");
    }

    @Test
    void sharedPanelInOneRoundGivesTheSameBitsOnAnyTaskCount() {
        int rows = SimdGemm.TEAM_ROWS;
        check(new int[][] {{rows + 1, 67, 300}, {517, 301, 1031}, {1000, SimdMicroKernel.NR + 5, 260}});
    }

    @Test
    void roundsOfColumnsAndOfDepthGiveTheSameBits() {
        int width = SimdMicroKernel.NR + 3;                       // a panel row of two slivers
        int deep = SimdGemmTeam.PANEL / (2 * SimdMicroKernel.NR) + SimdGemm.KC + 7;   // more than a round holds
        int wide = SimdGemmTeam.widestRound(SimdGemm.KC) + SimdMicroKernel.NR + 3;    // two rounds of columns
        check(new int[][] {{SimdGemm.TEAM_ROWS + 5, SimdGemm.NC + 17, 70}, {SimdGemm.TEAM_ROWS + 2, width, deep},
            {SimdGemm.TEAM_ROWS + 3, wide, SimdGemm.KC}});
    }

    @Test
    void roundsOfColumnsAreEqualWholeSliversAndHoldEveryColumnUpToThePanel() {
        int nr = SimdMicroKernel.NR;
        int widest = SimdGemmTeam.widestRound(SimdGemm.KC);
        assertEquals(SimdGemm.NC + 17, SimdGemmTeam.roundWidth(SimdGemm.NC + 17, SimdGemm.KC));
        assertEquals(widest, SimdGemmTeam.roundWidth(widest, SimdGemm.KC));
        int two = SimdGemmTeam.roundWidth(widest + 1, SimdGemm.KC);   // two rounds, the first whole slivers
        assertEquals(0, two % nr);
        assertTrue(two <= widest && 2 * two >= widest + 1, "round width " + two);
    }

    @Test
    void bandsOfRowsOrColumnsGiveTheSameBits() {
        check(new int[][] {{100, 1000, 300}, {SimdGemm.TEAM_ROWS - 1, 60, 3000}});
    }

    private static void check(int[][] shapes) {
        SplittableRandom rnd = new SplittableRandom(31);
        for (int[] s : shapes) {
            for (int t = 0; t < 4; t++) {
                float beta = new float[] {0, 1, 0.5f, -2}[t];      // each transpose combination meets one β
                compare(rnd, (t & 2) != 0, (t & 1) != 0, s[0], s[1], s[2], beta);
            }
        }
    }

    /** C from 2, 3 and 4 tasks against C from 1, bit for bit, including the padding around C. */
    private static void compare(SplittableRandom rnd, boolean ta, boolean tb, int m, int n, int k, float beta) {
        int lda = (ta ? m : k) + 3, ldb = (tb ? k : n) + 5, ldc = n + 2;
        int aOff = 7, bOff = 1, cOff = 4;
        float[] a = uniform(rnd, aOff + (ta ? k : m) * lda);
        float[] b = uniform(rnd, bOff + (tb ? n : k) * ldb);
        float[] c0 = uniform(rnd, cOff + m * ldc + 3);
        if (beta == 0) {
            Arrays.fill(c0, cOff, cOff + m * ldc, Float.NaN);
        }
        float[] one = c0.clone();
        SimdGemm.packed(1, ta, tb, m, n, k, a, aOff, lda, b, bOff, ldb, beta, one, cOff, ldc);
        for (int tasks = 2; tasks <= 4; tasks++) {
            float[] many = c0.clone();
            SimdGemm.packed(tasks, ta, tb, m, n, k, a, aOff, lda, b, bOff, ldb, beta, many, cOff, ldc);
            assertArrayEquals(one, many, String.format("gemm %s%s m=%d n=%d k=%d beta=%s on %d tasks vs 1",
                    ta ? "T" : "N", tb ? "T" : "N", m, n, k, beta, tasks));
        }
    }

    private static float[] uniform(SplittableRandom rnd, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rnd.nextDouble(-1, 1);
        }
        return x;
    }
}
