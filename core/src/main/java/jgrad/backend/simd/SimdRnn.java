package jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import jgrad.backend.Reusable;
import jgrad.backend.UnaryOp;

/**
 * One RNN step back, fused: dh ← up + dh and dpre = dh ⊙ σ'(pre) in one pass where
 * {@code jgrad.backend.RnnStep} makes two calls, with σ' written as {@link SimdElementwise} writes
 * it, so that it gives the same bits. For the activations an RNN takes: tanh, sigmoid, (leaky) relu.
 * The forward is σ itself ({@link SimdElementwise#unary}): nothing to fuse.
 */
final class SimdRnn {

    private static final VectorSpecies<Float> S = SimdMath.S;
    private static final int L = SimdMath.L;
    /** Tail scratch: five single vectors. */
    private static final Reusable<float[]> SCRATCH = new Reusable<>(() -> new float[5 * L]);

    private SimdRnn() {
    }

    /** Whether {@link #backward} fuses σ. */
    static boolean fuses(UnaryOp sigma) {
        return sigma == UnaryOp.TANH || sigma == UnaryOp.SIGMOID || sigma == UnaryOp.RELU
                || sigma == UnaryOp.LEAKY_RELU;
    }

    static void backward(UnaryOp sigma, float alpha, int n, float[] pre, int preOff, float[] h, int hOff, float[] up,
                         int upOff, int upStep, float[] dh, int dhOff, float[] dpre, int dpreOff) {
        float slope = sigma == UnaryOp.LEAKY_RELU ? alpha : 0f;
        int body = S.loopBound(n);
        for (int j = 0; j < body; j += L) {
            vector(sigma, slope, pre, preOff + j, h, hOff + j, up, upOff + upStep * j, upStep, dh, dhOff + j,
                    dpre, dpreOff + j);
        }
        int rest = n - body;
        if (rest > 0) {
            float[] s = SCRATCH.take();
            try {
                System.arraycopy(pre, preOff + body, s, 0, rest);
                System.arraycopy(h, hOff + body, s, L, rest);
                System.arraycopy(dh, dhOff + body, s, 2 * L, rest);
                if (upStep == 1) {
                    System.arraycopy(up, upOff + body, s, 3 * L, rest);
                }
                vector(sigma, slope, s, 0, s, L, upStep == 1 ? s : up, upStep == 1 ? 3 * L : upOff, upStep, s, 2 * L,
                        s, 4 * L);
                System.arraycopy(s, 2 * L, dh, dhOff + body, rest);
                System.arraycopy(s, 4 * L, dpre, dpreOff + body, rest);
            } finally {
                SCRATCH.give(s);
            }
        }
    }

    private static void vector(UnaryOp sigma, float slope, float[] pre, int p, float[] h, int ho, float[] up, int u,
                               int upStep, float[] dh, int d, float[] dpre, int dp) {
        FloatVector upv = upStep == 0 ? FloatVector.broadcast(S, up[u]) : FloatVector.fromArray(S, up, u);
        FloatVector g = upv.add(FloatVector.fromArray(S, dh, d));
        g.intoArray(dh, d);
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector derivative = switch (sigma) {
            case TANH -> {
                FloatVector y = FloatVector.fromArray(S, h, ho);
                yield one.sub(y.mul(y));
            }
            case SIGMOID -> {
                FloatVector y = FloatVector.fromArray(S, h, ho);
                yield y.mul(one.sub(y));
            }
            default -> {
                FloatVector x = FloatVector.fromArray(S, pre, p);
                yield FloatVector.broadcast(S, slope).blend(1f, x.compare(VectorOperators.GT, 0f));
            }
        };
        g.mul(derivative).intoArray(dpre, dp);
    }
}
