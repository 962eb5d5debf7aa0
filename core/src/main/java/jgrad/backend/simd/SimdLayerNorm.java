package jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Layer normalization and its backward ({@link jgrad.backend.Backend#layerNormForward}), F32, rows spread over
 * the pool. The composition makes μ, the centred rows, their squares, r, x̂ and the scaled rows each a pass over
 * [rows, d] with a tensor of its own (eight forward, a dozen back); here a row is read three times forward and
 * twice back, and nothing is allocated but each task's partial dγ and dβ. Equal to the scalar reference to
 * float rounding (a test holds them).
 */
final class SimdLayerNorm {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final long GRAIN = 1 << 15;

    private SimdLayerNorm() {
    }

    static void forward(int rows, int d, float eps, float[] x, int xOff, float[] gamma, float[] beta, float[] y,
                        float[] mean, float[] rstd) {
        int tasks = SimdParallel.tasksFor((long) rows * d, GRAIN);
        SimdParallel.run(tasks, task -> {
            float[] lanes = new float[L];
            for (int r = rows * task / tasks; r < rows * (task + 1) / tasks; r++) {
                int xo = xOff + r * d;
                float mu = SimdReductions.sum(x, xo, d) / d;
                float inverse = (float) (1 / Math.sqrt(squaredDeviations(x, xo, d, mu, lanes) / d + eps));
                scaleRow(x, xo, d, mu, inverse, gamma, beta, y, r * d);
                mean[r] = mu;
                rstd[r] = inverse;
            }
        });
    }

    /** Σ (x − μ)² over the row, its lanes folded through {@code lanes} (see {@link SimdMath#sumLanes(float[])}). */
    private static float squaredDeviations(float[] x, int xo, int d, float mu, float[] lanes) {
        FloatVector acc = FloatVector.zero(S);
        for (int k = 0; k < d; k += L) {
            VectorMask<Float> m = S.indexInRange(k, d);
            FloatVector c = FloatVector.fromArray(S, x, xo + k, m).sub(mu).blend(0f, m.not());
            acc = c.fma(c, acc);
        }
        acc.intoArray(lanes, 0);
        return SimdMath.sumLanes(lanes);
    }

    private static void scaleRow(float[] x, int xo, int d, float mu, float inverse, float[] gamma, float[] beta,
                                 float[] y, int yo) {
        for (int k = 0; k < d; k += L) {
            VectorMask<Float> m = S.indexInRange(k, d);
            FloatVector xHat = FloatVector.fromArray(S, x, xo + k, m).sub(mu).mul(inverse);
            xHat.fma(FloatVector.fromArray(S, gamma, k, m), FloatVector.fromArray(S, beta, k, m))
                    .intoArray(y, yo + k, m);
        }
    }

    static void backward(int rows, int d, float[] x, int xOff, float[] gamma, float[] mean, float[] rstd, float[] dy,
                         float[] dx, float[] dGamma, float[] dBeta) {
        int tasks = SimdParallel.tasksFor((long) rows * d, GRAIN);
        float[][] partGamma = new float[tasks][d];
        float[][] partBeta = new float[tasks][d];
        SimdParallel.run(tasks, task -> {
            float[] lanes = new float[L];
            for (int r = rows * task / tasks; r < rows * (task + 1) / tasks; r++) {
                backwardRow(d, x, xOff + r * d, gamma, mean[r], rstd[r], dy, dx, r * d, partGamma[task],
                        partBeta[task], lanes);
            }
        });
        for (int k = 0; k < d; k++) {
            float g = 0;
            float b = 0;
            for (int t = 0; t < tasks; t++) {
                g += partGamma[t][k];
                b += partBeta[t][k];
            }
            dGamma[k] = g;
            dBeta[k] = b;
        }
    }

    /** One row: its share of dγ and dβ, then dx = r (g − mean(g) − x̂ mean(g x̂)). */
    private static void backwardRow(int d, float[] x, int xo, float[] gamma, float mu, float inverse, float[] dy,
                                    float[] dx, int o, float[] dGamma, float[] dBeta, float[] lanes) {
        FloatVector sumG = FloatVector.zero(S);
        FloatVector sumGx = FloatVector.zero(S);
        for (int k = 0; k < d; k += L) {
            VectorMask<Float> m = S.indexInRange(k, d);
            FloatVector xHat = FloatVector.fromArray(S, x, xo + k, m).sub(mu).mul(inverse).blend(0f, m.not());
            FloatVector up = FloatVector.fromArray(S, dy, o + k, m);
            FloatVector g = up.mul(FloatVector.fromArray(S, gamma, k, m));
            sumG = sumG.add(g);
            sumGx = g.fma(xHat, sumGx);
            up.fma(xHat, FloatVector.fromArray(S, dGamma, k, m)).intoArray(dGamma, k, m);
            up.add(FloatVector.fromArray(S, dBeta, k, m)).intoArray(dBeta, k, m);
        }
        sumG.intoArray(lanes, 0);              // stored, not passed: see SimdMath.sumLanes(float[])
        FloatVector meanG = FloatVector.broadcast(S, SimdMath.sumLanes(lanes) / d);
        sumGx.intoArray(lanes, 0);
        FloatVector meanGx = FloatVector.broadcast(S, SimdMath.sumLanes(lanes) / d);
        for (int k = 0; k < d; k += L) {
            VectorMask<Float> m = S.indexInRange(k, d);
            FloatVector xHat = FloatVector.fromArray(S, x, xo + k, m).sub(mu).mul(inverse);
            FloatVector g = FloatVector.fromArray(S, dy, o + k, m).mul(FloatVector.fromArray(S, gamma, k, m));
            g.sub(meanG).sub(xHat.mul(meanGx)).mul(inverse).intoArray(dx, o + k, m);
        }
    }
}
