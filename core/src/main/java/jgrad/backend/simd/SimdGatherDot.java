package jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dot products of rows with rows gathered by id, and their backward, over a range of rows
 * ({@link jgrad.backend.Backend#gatherDot}): the gathered row is read in place, never copied. Every
 * product is rounded and summed as the composition (gather, multiply, {@link SimdReductions#sum}) does
 * on this backend, so the fused kernel gives the composition's bits, and a model trains as it did
 * before the fusion.
 */
final class SimdGatherDot {

    private static final VectorSpecies<Float> S = SimdMath.S;
    private static final int L = SimdMath.L;

    private SimdGatherDot() {
    }

    /** out[r] = Σ_j h[r, j] · table[ids[r], j] for r in [r0, r1). */
    static void forward(int[] ids, int r0, int r1, int rowLen, float[] h, int hOff, float[] table, int tableOff,
                        float[] out, int outOff) {
        for (int r = r0; r < r1; r++) {
            out[outOff + r] = SimdReductions.sumOfProducts(table, tableOff + ids[r] * rowLen, h, hOff + r * rowLen,
                    rowLen);
        }
    }

    /** dh[r] = g[r] · table[ids[r]], dRows[r] = g[r] · h[r] for r in [r0, r1). */
    static void backward(int[] ids, int r0, int r1, int rowLen, float[] g, int gOff, float[] h, int hOff,
                         float[] table, int tableOff, float[] dh, int dhOff, float[] dRows, int dRowsOff) {
        int body = S.loopBound(rowLen);
        for (int r = r0; r < r1; r++) {
            float gr = g[gOff + r];
            FloatVector gv = FloatVector.broadcast(S, gr);
            int at = r * rowLen;
            int tr = tableOff + ids[r] * rowLen;
            for (int j = 0; j < body; j += L) {
                gv.mul(FloatVector.fromArray(S, table, tr + j)).intoArray(dh, dhOff + at + j);
                gv.mul(FloatVector.fromArray(S, h, hOff + at + j)).intoArray(dRows, dRowsOff + at + j);
            }
            for (int j = body; j < rowLen; j++) {
                dh[dhOff + at + j] = gr * table[tr + j];
                dRows[dRowsOff + at + j] = gr * h[hOff + at + j];
            }
        }
    }
}
