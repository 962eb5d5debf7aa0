package jgrad.uplift;

import java.util.Comparator;

/**
 * The quality of a ranking by predicted uplift on held-out experiment rows. Rows are sorted by score, highest
 * first; for the top fraction φ of rows, n_t, n_c count treated and control rows and y_t, y_c their positive
 * outcomes. With N_t, N_c, n the totals:
 * <pre>
 *   uplift@k      = y_t/n_t − y_c/n_c over the top k of all rows (scikit-uplift's "overall" strategy)
 *   Qini(φ)       = (y_t − y_c·n_t/n_c) / N_t          (incremental positives, per treated row)
 *   Qini coeff.   = ∫₀¹ Qini(φ) − φ·Qini(1) dφ          (area above the random ranking's diagonal; 0 for random)
 *   uplift(φ)     = (y_t/n_t − y_c/n_c) · φ
 *   AUUC          = ∫₀¹ uplift(φ) dφ                    (random ranking: ATE/2)
 * </pre>
 * Curves are evaluated at each row (n_c = 0 or n_t = 0 at the very top counts as no uplift yet) and integrated by
 * the trapezoid rule from (0, 0). Ties are broken by row order, so rank scores without ties when that matters.
 */
public final class UpliftMetrics {

    private final double[] fraction;
    private final double[] qini;
    private final double[] uplift;
    private final int[] order;
    private final UpliftData data;

    public UpliftMetrics(UpliftData data, double[] scores) {
        if (scores.length != data.size()) {
            throw new IllegalArgumentException(scores.length + " scores for " + data.size() + " rows");
        }
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score of row " + (i + 1) + " is NaN");
            }
        }
        this.data = data;
        int n = scores.length;
        order = java.util.stream.IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -scores[i])).mapToInt(Integer::intValue).toArray();
        fraction = new double[n + 1];
        qini = new double[n + 1];
        uplift = new double[n + 1];
        double treatedTotal = data.treatedShare() * n;
        double nt = 0;
        double nc = 0;
        double yt = 0;
        double yc = 0;
        for (int i = 1; i <= n; i++) {
            int r = order[i - 1];
            if (data.treatment()[r] == 1) {
                nt++;
                yt += data.outcome()[r];
            } else {
                nc++;
                yc += data.outcome()[r];
            }
            fraction[i] = (double) i / n;
            boolean both = nt > 0 && nc > 0;
            qini[i] = both ? (yt - yc * nt / nc) / treatedTotal : 0;
            uplift[i] = both ? (yt / nt - yc / nc) * fraction[i] : 0;
        }
    }

    /** y_t/n_t − y_c/n_c among the top {@code k} fraction of rows; NaN when the top holds no treated or no control row. */
    public double upliftAt(double k) {
        if (!(k > 0 && k <= 1)) {
            throw new IllegalArgumentException("k is a fraction of the rows in (0, 1], got " + k);
        }
        int top = Math.max(1, (int) Math.ceil(k * order.length));
        double nt = 0;
        double nc = 0;
        double yt = 0;
        double yc = 0;
        for (int i = 0; i < top; i++) {
            int r = order[i];
            if (data.treatment()[r] == 1) {
                nt++;
                yt += data.outcome()[r];
            } else {
                nc++;
                yc += data.outcome()[r];
            }
        }
        return nt == 0 || nc == 0 ? Double.NaN : yt / nt - yc / nc;
    }

    /** ∫ Qini(φ) − φ·Qini(1) dφ. */
    public double qiniCoefficient() {
        double end = qini[qini.length - 1];
        double[] above = new double[qini.length];
        for (int i = 0; i < above.length; i++) {
            above[i] = qini[i] - fraction[i] * end;
        }
        return trapezoid(above);
    }

    /** ∫ uplift(φ) dφ. */
    public double auuc() {
        return trapezoid(uplift);
    }

    /** The treated minus control rate over all rows: every ranking's uplift@100 %, and twice a random ranking's AUUC. */
    public double averageTreatmentEffect() {
        return upliftAt(1);
    }

    /** The Qini curve as (fraction of rows, Qini) points, from (0, 0): data for a plot. */
    public double[][] qiniCurve() {
        return new double[][] {fraction.clone(), qini.clone()};
    }

    private double trapezoid(double[] y) {
        double area = 0;
        for (int i = 1; i < y.length; i++) {
            area += (fraction[i] - fraction[i - 1]) * (y[i] + y[i - 1]) / 2;
        }
        return area;
    }
}
