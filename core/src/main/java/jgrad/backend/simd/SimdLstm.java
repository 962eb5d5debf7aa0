package jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import jgrad.backend.Reusable;

/**
 * One LSTM step back, fused: one pass over a row's gates instead of the ten elementwise calls of
 * {@code jgrad.backend.LstmStep}, whose products it makes in the same order, so that it gives the same
 * bits as those calls on this backend. The step forward stays the composition: its σ and tanh
 * (three passes, each a transcendental) cannot share a loop or even a method, since C2 inlines
 * until a budget of nodes runs out, about two of SimdMath's functions, and one left out of line
 * takes and returns boxed vectors (a fused forward allocated 15 to 50 MB per benchmark sequence).
 *
 * <p>Gate blocks (f, i, o, c̃) lie {@code gs} apart: n for a row, L for the last partial vector, which
 * is copied into scratch, run through the same body and copied back, as in {@link SimdElementwise}.
 */
final class SimdLstm {

    private static final VectorSpecies<Float> S = SimdMath.S;
    private static final int L = SimdMath.L;
    /** Tail scratch: the four gate blocks of act, of dpre, then four single vectors. */
    private static final Reusable<float[]> SCRATCH = new Reusable<>(() -> new float[12 * L]);
    private static final int ACT = 0, DPRE = 4 * L, V0 = 8 * L;

    private SimdLstm() {
    }


    static void backward(int n, float[] act, int actOff, float[] cPrev, int cPrevOff, float[] tanhC, int tanhCOff,
                         float[] dh, int dhOff, float[] dc, int dcOff, float[] dpre, int dpreOff) {
        int body = S.loopBound(n);
        for (int j = 0; j < body; j += L) {
            backwardVector(n, act, actOff + j, cPrev, cPrevOff + j, tanhC, tanhCOff + j, dh, dhOff + j,
                    dc, dcOff + j, dpre, dpreOff + j);
        }
        int rest = n - body;
        if (rest > 0) {
            float[] s = SCRATCH.take();
            try {
                for (int g = 0; g < 4; g++) {
                    System.arraycopy(act, actOff + g * n + body, s, ACT + g * L, rest);
                }
                System.arraycopy(cPrev, cPrevOff + body, s, V0, rest);
                System.arraycopy(tanhC, tanhCOff + body, s, V0 + L, rest);
                System.arraycopy(dh, dhOff + body, s, V0 + 2 * L, rest);
                System.arraycopy(dc, dcOff + body, s, V0 + 3 * L, rest);
                backwardVector(L, s, ACT, s, V0, s, V0 + L, s, V0 + 2 * L, s, V0 + 3 * L, s, DPRE);
                for (int g = 0; g < 4; g++) {
                    System.arraycopy(s, DPRE + g * L, dpre, dpreOff + g * n + body, rest);
                }
                System.arraycopy(s, V0 + 3 * L, dc, dcOff + body, rest);
            } finally {
                SCRATCH.give(s);
            }
        }
    }

    /** One vector of units; gate blocks of act and dpre lie gs apart. The products in LstmStep's order. */
    private static void backwardVector(int gs, float[] act, int a, float[] cPrev, int cp, float[] tanhC, int tc,
                                       float[] dh, int dho, float[] dc, int dco, float[] dpre, int d) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector f = FloatVector.fromArray(S, act, a);
        FloatVector i = FloatVector.fromArray(S, act, a + gs);
        FloatVector o = FloatVector.fromArray(S, act, a + 2 * gs);
        FloatVector cand = FloatVector.fromArray(S, act, a + 3 * gs);
        FloatVector t = FloatVector.fromArray(S, tanhC, tc);
        FloatVector dhv = FloatVector.fromArray(S, dh, dho);
        FloatVector dct = FloatVector.fromArray(S, dc, dco).add(dhv.mul(o).mul(one.sub(t.mul(t))));
        FloatVector df = dct.mul(FloatVector.fromArray(S, cPrev, cp));
        FloatVector di = dct.mul(cand);
        FloatVector dO = dhv.mul(t);
        FloatVector dCand = dct.mul(i);
        dct.mul(f).intoArray(dc, dco);
        df.mul(f.mul(one.sub(f))).intoArray(dpre, d);
        di.mul(i.mul(one.sub(i))).intoArray(dpre, d + gs);
        dO.mul(o.mul(one.sub(o))).intoArray(dpre, d + 2 * gs);
        dCand.mul(one.sub(cand.mul(cand))).intoArray(dpre, d + 3 * gs);
    }
}
