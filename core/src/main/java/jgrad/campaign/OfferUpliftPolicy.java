package jgrad.campaign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import jgrad.uplift.UpliftData;
import jgrad.uplift.UpliftModel;

/**
 * Whom to contact, and with which offer, from a randomized experiment with a control arm (0) and offers 1 … K.
 * For each offer k an uplift model τ̂_k is fitted on the rows that got offer k or nothing ({@code jgrad.uplift}).
 * A customer's offer is the one with the largest predicted uplift and their priority that uplift,
 * <pre>
 *   a(x) = argmax_k τ̂_k(x),     priority(x) = max_k τ̂_k(x)
 * </pre>
 * and a campaign with a budget b (a share of the customers) contacts the ⌈b·n⌉ customers of highest priority,
 * skipping those whose priority is not positive (no offer is predicted to help them).
 */
public final class OfferUpliftPolicy {

    /** The arm that means "no contact". */
    public static final int NONE = 0;

    private final List<UpliftModel> models;

    private OfferUpliftPolicy(List<UpliftModel> models) {
        this.models = List.copyOf(models);
    }

    /**
     * Fits one uplift model per offer with {@code learner}.
     *
     * @param arms each row's arm, 0 (control) … offers
     */
    public static OfferUpliftPolicy fit(double[][] features, int[] arms, double[] outcomes, int offers,
            Function<UpliftData, UpliftModel> learner) {
        if (offers < 1) {
            throw new IllegalArgumentException("a policy needs at least 1 offer, got " + offers);
        }
        List<UpliftModel> models = new ArrayList<>();
        for (int k = 1; k <= offers; k++) {
            models.add(learner.apply(UpliftData.armAgainstControl(features, arms, outcomes, k)));
        }
        return new OfferUpliftPolicy(models);
    }

    public int offers() {
        return models.size();
    }

    /** τ̂_k(x) for every row ({@code [rows][offers]}, offer k in column k − 1). */
    public double[][] uplifts(double[][] rows) {
        double[][] u = new double[rows.length][models.size()];
        for (int k = 0; k < models.size(); k++) {
            double[] s = models.get(k).score(rows);
            for (int i = 0; i < rows.length; i++) {
                u[i][k] = s[i];
            }
        }
        return u;
    }

    /** Each row's arm under a budget of {@code budget} (a share in (0, 1]): its best offer, or {@link #NONE}. */
    public int[] assign(double[][] rows, double budget) {
        if (!(budget > 0 && budget <= 1)) {
            throw new IllegalArgumentException("budget must be a share of customers in (0, 1], got " + budget);
        }
        double[][] u = uplifts(rows);
        double[] priority = new double[rows.length];
        int[] best = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            best[i] = 1;
            for (int k = 2; k <= u[i].length; k++) {
                if (u[i][k - 1] > u[i][best[i] - 1]) {
                    best[i] = k;
                }
            }
            priority[i] = u[i][best[i] - 1];
        }
        Integer[] order = IntStream.range(0, rows.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -priority[i]).thenComparingInt(i -> i));
        int contacts = (int) Math.ceil(budget * rows.length - 1e-9);
        int[] arm = new int[rows.length];
        for (int r = 0; r < contacts && priority[order[r]] > 0; r++) {
            arm[order[r]] = best[order[r]];
        }
        return arm;
    }

    /** π(a | row) of a deterministic assignment: 1 for the row's arm. */
    public static double[][] deterministic(int[] assignment, int arms) {
        double[][] p = new double[assignment.length][arms];
        for (int i = 0; i < assignment.length; i++) {
            p[i][assignment[i]] = 1;
        }
        return p;
    }

    /** π(a | row) of contacting a {@code share} of the rows at random, each with an offer drawn uniformly. */
    public static double[][] randomContacts(int rows, int arms, double share) {
        double[][] p = new double[rows][arms];
        for (double[] row : p) {
            row[NONE] = 1 - share;
            for (int k = 1; k < arms; k++) {
                row[k] = share / (arms - 1);
            }
        }
        return p;
    }
}
