package jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import jgrad.backend.Reusable;
import jgrad.backend.UnaryOp;

/**
 * One LSTM step, fused: back, one pass over a row's gates instead of the ten elementwise calls of
 * {@code jgrad.backend.LstmStep}, whose products it makes in the same order, so that it gives the same
 * bits as those calls on this backend. Forward, five passes where the composition made seven calls:
 * σ, tanh, the cell c_t in one pass where the composition made three, tanh(c_t), h_t. σ and tanh stay
 * passes of their own, each SimdMath's array loop, and are not merged into the cell's loop: C2 inlines
 * until a budget of nodes runs out, about two of SimdMath's functions, and a fused forward that
 * called them on vectors had one left out of line, boxing its vectors (15 to 50 MB per benchmark sequence).
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

    /**
     * The forward of {@link jgrad.backend.Backend#lstmStepForward}: act = (σ(f), σ(i), σ(o), tanh(c̃)) from
     * pre (act may be pre), c = f ⊙ c_{t−1} + i ⊙ c̃, tanhC = tanh(c), h = o ⊙ tanhC, rounded as the
     * composition rounds: each product, then the sum.
     */
    static void forward(int n, float[] pre, int preOff, float[] cPrev, int cPrevOff, float[] act, int actOff,
                        float[] c, int cOff, float[] tanhC, int tanhCOff, float[] h, int hOff) {
        SimdElementwise.unary(UnaryOp.SIGMOID, 3 * n, pre, preOff, act, actOff, 0f);
        SimdElementwise.unary(UnaryOp.TANH, n, pre, preOff + 3 * n, act, actOff + 3 * n, 0f);
        cell(n, act, actOff, cPrev, cPrevOff, c, cOff);
        SimdElementwise.unary(UnaryOp.TANH, n, c, cOff, tanhC, tanhCOff, 0f);
        gate(n, act, actOff + 2 * n, tanhC, tanhCOff, h, hOff);
    }

    /** c = f ⊙ c_{t−1} + i ⊙ c̃ from act's gate blocks; the tail in scalar code, which rounds as a lane does. */
    private static void cell(int n, float[] act, int f, float[] cPrev, int cp, float[] c, int co) {
        int body = S.loopBound(n);
        for (int j = 0; j < body; j += L) {
            FloatVector fc = FloatVector.fromArray(S, act, f + j).mul(FloatVector.fromArray(S, cPrev, cp + j));
            FloatVector ic = FloatVector.fromArray(S, act, f + n + j).mul(FloatVector.fromArray(S, act, f + 3 * n + j));
            fc.add(ic).intoArray(c, co + j);
        }
        for (int j = body; j < n; j++) {
            c[co + j] = act[f + j] * cPrev[cp + j] + act[f + n + j] * act[f + 3 * n + j];
        }
    }

    /** h = o ⊙ tanh(c_t), the tail in scalar code. */
    private static void gate(int n, float[] o, int oo, float[] t, int to, float[] h, int ho) {
        int body = S.loopBound(n);
        for (int j = 0; j < body; j += L) {
            FloatVector.fromArray(S, o, oo + j).mul(FloatVector.fromArray(S, t, to + j)).intoArray(h, ho + j);
        }
        for (int j = body; j < n; j++) {
            h[ho + j] = o[oo + j] * t[to + j];
        }
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
