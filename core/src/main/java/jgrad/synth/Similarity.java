package jgrad.synth;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The per-column and per-pair statistics of the quality report, on host arrays (they are statistics of the
 * values, not model computations).
 */
public final class Similarity {

    private Similarity() {
    }

    /** The two-sample Kolmogorov–Smirnov statistic sup_x |F_a(x) − F_b(x)| of the empirical CDFs (scipy's ks_2samp). */
    public static double ks(double[] a, double[] b) {
        requireValues(a.length, b.length);
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] <= v) {
                i++;
            }
            while (j < y.length && y[j] <= v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }

    /** Total variation distance ½ Σ_k |p_a(k) − p_b(k)| of the category frequencies, over the union of categories. */
    public static double tvd(String[] a, String[] b) {
        requireValues(a.length, b.length);
        Map<String, Double> pa = frequencies(a);
        Map<String, Double> pb = frequencies(b);
        Set<String> keys = new HashSet<>(pa.keySet());
        keys.addAll(pb.keySet());
        double sum = 0;
        for (String k : keys) {
            sum += Math.abs(pa.getOrDefault(k, 0.0) - pb.getOrDefault(k, 0.0));
        }
        return sum / 2;
    }

    /** The TVD of the joint frequencies of two columns: ½ Σ_{k,l} |p_a(k, l) − p_b(k, l)|. */
    public static double contingencyTvd(String[] a1, String[] a2, String[] b1, String[] b2) {
        if (a1.length != a2.length || b1.length != b2.length) {
            throw new IllegalArgumentException("the two columns of a pair must have the same length");
        }
        return tvd(pairs(a1, a2), pairs(b1, b2));
    }

    /** Pearson's r = cov(x, y) / (σ_x σ_y); NaN when either column is constant. */
    public static double pearson(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("Pearson's r needs two columns of the same length, at least 2, got "
                    + x.length + " and " + y.length);
        }
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    /**
     * The bin of each value among {@code bins} equal-width bins over [min, max] of the reference values, the outer
     * bins open-ended (as SDMetrics discretizes numbers for contingency tables): bin i holds e_i ≤ x &lt; e_{i+1}.
     */
    public static String[] bin(double[] reference, double[] values, int bins) {
        if (bins < 1 || reference.length == 0) {
            throw new IllegalArgumentException("binning needs reference values and at least one bin");
        }
        double lo = Arrays.stream(reference).min().orElseThrow();
        double hi = Arrays.stream(reference).max().orElseThrow();
        double w = (hi - lo) / bins;
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            int k = w == 0 ? 0 : (int) Math.floor((values[i] - lo) / w);
            out[i] = Integer.toString(Math.clamp(k, 0, bins - 1));
        }
        return out;
    }

    private static String[] pairs(String[] a, String[] b) {
        String[] out = new String[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + '\u0000' + b[i];
        }
        return out;
    }

    private static Map<String, Double> frequencies(String[] values) {
        Map<String, Double> p = new HashMap<>();
        for (String v : values) {
            p.merge(v, 1.0 / values.length, Double::sum);
        }
        return p;
    }

    private static void requireValues(int a, int b) {
        if (a == 0 || b == 0) {
            throw new IllegalArgumentException("comparing distributions needs values on both sides, got " + a + " and " + b);
        }
    }
}
