package jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The backward of dot-score attention pooling in one pass per row, F32, for
 * {@link jgrad.backend.Backend#attentionPoolBackward}: per row b and position t,
 * dα_t = gα_t + x_t·gc, de_t = α_t (dα_t − Σ_s α_s dα_s), dx_t = α_t gc + de_t h, dh = Σ_t de_t x_t.
 * The composed default makes dx a GEMM of inner size 2, which spends its time storing C; here each
 * row of dx is written once by two FMAs over d. Equal to the default to float rounding (a test holds them).
 */
final class SimdAttention {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private SimdAttention() {
    }

    static void backward(int batch, int steps, int d, float[] x, float[] h, float[] alpha, float[] gAlpha, float[] gc,
                         float[] de, float[] dx, float[] dh) {
        float[] dAlpha = new float[steps];
        for (int b = 0; b < batch; b++) {
            int row = b * steps;
            int xb = row * d;
            float weighted = 0;
            for (int t = 0; t < steps; t++) {
                dAlpha[t] = (gAlpha == null ? 0 : gAlpha[row + t]) + dot(x, xb + t * d, gc, b * d, d);
                weighted += alpha[row + t] * dAlpha[t];
            }
            java.util.Arrays.fill(dh, b * d, b * d + d, 0);
            for (int t = 0; t < steps; t++) {
                float e = alpha[row + t] * (dAlpha[t] - weighted);
                de[row + t] = e;
                rankTwoRow(d, alpha[row + t], gc, b * d, e, h, b * d, dx, xb + t * d);
                axpy(d, e, x, xb + t * d, dh, b * d);
            }
        }
    }

    /** Σ_i a[aOff + i]·b[bOff + i], lanes summed in a fixed order. */
    private static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (; i <= n - S.length(); i += S.length()) {
            acc = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), acc);
        }
        for (int h = L / 2; h > 0; h /= 2) {          // SimdMath.FOLD's tree, written out: see there
            acc = acc.add(acc.rearrange(SimdMath.FOLD[Integer.numberOfTrailingZeros(h)]));
        }
        float s = acc.lane(0);
        for (; i < n; i++) {
            s += a[aOff + i] * b[bOff + i];
        }
        return s;
    }

    /** out[outOff + i] = p·u[uOff + i] + q·v[vOff + i]. */
    private static void rankTwoRow(int n, float p, float[] u, int uOff, float q, float[] v, int vOff, float[] out, int outOff) {
        FloatVector vp = FloatVector.broadcast(S, p);
        FloatVector vq = FloatVector.broadcast(S, q);
        int i = 0;
        for (; i <= n - S.length(); i += S.length()) {
            FloatVector.fromArray(S, v, vOff + i).mul(vq).add(FloatVector.fromArray(S, u, uOff + i).mul(vp))
                    .intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = q * v[vOff + i] + p * u[uOff + i];
        }
    }

    /** y[yOff + i] += a·x[xOff + i]. */
    private static void axpy(int n, float a, float[] x, int xOff, float[] y, int yOff) {
        FloatVector va = FloatVector.broadcast(S, a);
        int i = 0;
        for (; i <= n - S.length(); i += S.length()) {
            FloatVector.fromArray(S, x, xOff + i).mul(va).add(FloatVector.fromArray(S, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] += a * x[xOff + i];
        }
    }
}
