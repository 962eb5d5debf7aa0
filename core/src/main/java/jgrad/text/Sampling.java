package jgrad.text;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Drawing a class from probabilities restricted to the k likeliest (top-k sampling, Fan et al. 2018). */
final class Sampling {

    private Sampling() {
    }

    /**
     * An index drawn with probability p[i] / Σ_{j ∈ K} p[j] for i in K, the {@code topK} likeliest indices
     * (all when topK is 0), never one of {@code excluded}; ties in p are broken by the lower index.
     */
    static int draw(float[] p, int topK, RandomGenerator random, int... excluded) {
        double[] q = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            q[i] = p[i];
        }
        for (int e : excluded) {
            q[e] = 0;
        }
        if (topK > 0 && topK < q.length) {
            keepLikeliest(q, topK);
        }
        double total = 0;
        for (double v : q) {
            total += v;
        }
        double u = random.nextDouble() * total;
        int last = 0;
        for (int i = 0; i < q.length; i++) {
            if (q[i] > 0) {
                last = i;
                u -= q[i];
                if (u < 0) {
                    return i;
                }
            }
        }
        return last;
    }

    /** Zeroes all but the k largest entries (the lower index first among equals). */
    private static void keepLikeliest(double[] q, int k) {
        Integer[] order = new Integer[q.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> q[a] != q[b] ? Double.compare(q[b], q[a]) : Integer.compare(a, b));
        for (int r = k; r < order.length; r++) {
            q[order[r]] = 0;
        }
    }
}
