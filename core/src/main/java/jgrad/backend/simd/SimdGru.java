package jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import jgrad.backend.Reusable;

/**
 * The GRU step's state forward and both halves of its backward, fused: one pass over a row where
 * {@code jgrad.backend.GruStep} makes four or seven elementwise calls, with its products in the same
 * order, so that it gives the same bits as those calls on this backend (1 − z is computed directly,
 * which rounds as the composition's −z + 1). The gates' forward stays the composition: two sigmoids
 * in one loop would outgrow C2's inlining budget (see {@link SimdLstm}).
 *
 * <p>Gate blocks (z, r, h̃) lie n apart. The last partial vector is copied into scratch, run through
 * the same body and copied back, as in {@link SimdElementwise}.
 */
final class SimdGru {

    private static final VectorSpecies<Float> S = SimdMath.S;
    private static final int L = SimdMath.L;
    /** Tail scratch: eight single vectors. */
    private static final Reusable<float[]> SCRATCH = new Reusable<>(() -> new float[8 * L]);

    private SimdGru() {
    }

    /** h̃ = tanh(pre_h̃) into act_h̃, h = h̃ + z ⊙ (h_{t−1} − h̃). */
    static void stateForward(int n, float[] pre, int preOff, float[] hPrev, int hPrevOff, float[] act, int actOff,
                             float[] h, int hOff) {
        int body = S.loopBound(n);
        int p = preOff + 2 * n, z = actOff, c = actOff + 2 * n;
        for (int j = 0; j < body; j += L) {
            stateForwardVector(pre, p + j, act, z + j, hPrev, hPrevOff + j, act, c + j, h, hOff + j);
        }
        int rest = n - body;
        if (rest > 0) {
            float[] s = SCRATCH.take();
            try {
                System.arraycopy(pre, p + body, s, 0, rest);
                System.arraycopy(act, z + body, s, L, rest);
                System.arraycopy(hPrev, hPrevOff + body, s, 2 * L, rest);
                stateForwardVector(s, 0, s, L, s, 2 * L, s, 3 * L, s, 4 * L);
                System.arraycopy(s, 3 * L, act, c + body, rest);
                System.arraycopy(s, 4 * L, h, hOff + body, rest);
            } finally {
                SCRATCH.give(s);
            }
        }
    }

    private static void stateForwardVector(float[] pre, int p, float[] zs, int z, float[] hPrev, int hp, float[] act,
                                           int c, float[] h, int ho) {
        SimdMath.tanh(L, pre, p, act, c);           // the array form: no vector crosses a call (see SimdMath)
        FloatVector cand = FloatVector.fromArray(S, act, c);
        FloatVector zv = FloatVector.fromArray(S, zs, z);
        cand.add(zv.mul(FloatVector.fromArray(S, hPrev, hp).sub(cand))).intoArray(h, ho);
    }

    /** dh ← up + dh; dpre_h̃ = dh(1 − z) ⊙ (1 − h̃²). */
    static void stateBackward(int n, float[] act, int actOff, float[] up, int upOff, int upStep, float[] dh, int dhOff,
                              float[] dpre, int dpreOff) {
        int body = S.loopBound(n);
        int c = actOff + 2 * n, dc = dpreOff + 2 * n;
        for (int j = 0; j < body; j += L) {
            stateBackwardVector(act, actOff + j, act, c + j, up, upOff + upStep * j, upStep, dh, dhOff + j, dpre, dc + j);
        }
        int rest = n - body;
        if (rest > 0) {
            float[] s = SCRATCH.take();
            try {
                System.arraycopy(act, actOff + body, s, 0, rest);
                System.arraycopy(act, c + body, s, L, rest);
                System.arraycopy(dh, dhOff + body, s, 2 * L, rest);
                if (upStep == 1) {
                    System.arraycopy(up, upOff + body, s, 3 * L, rest);
                }
                stateBackwardVector(s, 0, s, L, upStep == 1 ? s : up, upStep == 1 ? 3 * L : upOff, upStep, s, 2 * L,
                        s, 4 * L);
                System.arraycopy(s, 2 * L, dh, dhOff + body, rest);
                System.arraycopy(s, 4 * L, dpre, dc + body, rest);
            } finally {
                SCRATCH.give(s);
            }
        }
    }

    private static void stateBackwardVector(float[] zs, int z, float[] cs, int c, float[] up, int u, int upStep,
                                            float[] dh, int d, float[] dpre, int dc) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector fromUp = upStep == 0 ? FloatVector.broadcast(S, up[u]) : FloatVector.fromArray(S, up, u);
        FloatVector g = fromUp.add(FloatVector.fromArray(S, dh, d));
        g.intoArray(dh, d);
        FloatVector cand = FloatVector.fromArray(S, cs, c);
        g.mul(one.sub(FloatVector.fromArray(S, zs, z))).mul(one.sub(cand.mul(cand))).intoArray(dpre, dc);
    }

    /**
     * dz = dh(h_{t−1} − h̃), dr = dResetH h_{t−1}, each through σ' into dpre_z, dpre_r; dhPrev = dh z + dResetH r.
     */
    static void gatesBackward(int n, float[] act, int actOff, float[] hPrev, int hPrevOff, float[] dh, int dhOff,
                              float[] dResetH, int dResetHOff, float[] dhPrev, int dhPrevOff, float[] dpre, int dpreOff) {
        int body = S.loopBound(n);
        for (int j = 0; j < body; j += L) {
            gatesBackwardVector(n, act, actOff + j, hPrev, hPrevOff + j, dh, dhOff + j, dResetH, dResetHOff + j,
                    dhPrev, dhPrevOff + j, dpre, dpreOff + j);
        }
        int rest = n - body;
        if (rest > 0) {
            float[] s = SCRATCH.take();
            try {
                for (int g = 0; g < 3; g++) {
                    System.arraycopy(act, actOff + g * n + body, s, g * L, rest);
                }
                System.arraycopy(hPrev, hPrevOff + body, s, 3 * L, rest);
                System.arraycopy(dh, dhOff + body, s, 4 * L, rest);
                System.arraycopy(dResetH, dResetHOff + body, s, 5 * L, rest);
                gatesBackwardVector(L, s, 0, s, 3 * L, s, 4 * L, s, 5 * L, s, 6 * L, s, 0);  // dpre over act's z, r
                System.arraycopy(s, 6 * L, dhPrev, dhPrevOff + body, rest);
                System.arraycopy(s, 0, dpre, dpreOff + body, rest);
                System.arraycopy(s, L, dpre, dpreOff + n + body, rest);
            } finally {
                SCRATCH.give(s);
            }
        }
    }

    /** Gate blocks of act and dpre lie gs apart; every input is read before dpre is written. */
    private static void gatesBackwardVector(int gs, float[] act, int a, float[] hPrev, int hp, float[] dh, int d,
                                            float[] dResetH, int drh, float[] dhPrev, int dhp, float[] dpre, int dp) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector z = FloatVector.fromArray(S, act, a);
        FloatVector r = FloatVector.fromArray(S, act, a + gs);
        FloatVector cand = FloatVector.fromArray(S, act, a + 2 * gs);
        FloatVector h = FloatVector.fromArray(S, hPrev, hp);
        FloatVector g = FloatVector.fromArray(S, dh, d);
        FloatVector gr = FloatVector.fromArray(S, dResetH, drh);
        FloatVector dz = g.mul(h.sub(cand));
        FloatVector dr = gr.mul(h);
        g.mul(z).add(gr.mul(r)).intoArray(dhPrev, dhp);
        dz.mul(z.mul(one.sub(z))).intoArray(dpre, dp);
        dr.mul(r.mul(one.sub(r))).intoArray(dpre, dp + gs);
    }
}
