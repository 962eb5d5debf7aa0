package jgrad.uplift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import jgrad.backend.Device;
import jgrad.bandit.HillstromCustomers;

/**
 * The uplift protocol: for each of {@code splits} seeded 50/50 splits of the rows (split s shuffles with seed s),
 * every learner is fitted on one half and ranked on the other, giving uplift@10/20/30 %, the Qini coefficient and
 * the AUUC; {@link #random} is a random ranking of the same held-out half.
 */
public final class UpliftExperiment {

    /**
     * One model on one held-out half; {@code qiniCurve} is its Qini curve {fractions, Qini} at
     * {@value #CURVE_POINTS} + 1 evenly spaced fractions (for plots).
     */
    public record Scores(double upliftAt10, double upliftAt20, double upliftAt30, double qini, double auuc, double ate,
                         double[][] qiniCurve) {

        public static Scores of(UpliftMetrics m) {
            return new Scores(m.upliftAt(0.1), m.upliftAt(0.2), m.upliftAt(0.3), m.qiniCoefficient(), m.auuc(),
                    m.averageTreatmentEffect(), everyFraction(m.qiniCurve(), CURVE_POINTS));
        }

        /** The curve's points nearest to j/points of the rows, j = 0 … points (all points when fewer). */
        private static double[][] everyFraction(double[][] curve, int points) {
            int n = curve[0].length - 1;
            int steps = Math.min(points, n);
            double[][] out = new double[2][steps + 1];
            for (int j = 0; j <= steps; j++) {
                int i = (int) Math.round((double) j * n / steps);
                out[0][j] = curve[0][i];
                out[1][j] = curve[1][i];
            }
            return out;
        }
    }

    /** Points of the Qini curves kept for plots: 0.5 % steps. */
    public static final int CURVE_POINTS = 200;

    /**
     * The learners by name, in report order; the neural two-head model ({@link TwoHeadUplift} with
     * {@link TwoHeadUplift.Training#defaults()}, seed 7) trains on {@code device}.
     */
    public static Map<String, Function<UpliftData, UpliftModel>> learners(Device device) {
        Map<String, Function<UpliftData, UpliftModel>> m = new LinkedHashMap<>();
        m.put("T-learner", UpliftLearners::tLearner);
        m.put("S-learner", UpliftLearners::sLearner);
        m.put("class transformation", UpliftLearners::classTransformation);
        m.put("neural two-head", data -> TwoHeadUplift.fit(data, TwoHeadUplift.Training.defaults(), new SplittableRandom(7),
                device));
        return m;
    }

    /** The name of the random ranking in {@link #run}'s result. */
    public static final String RANDOM = "random ranking";

    private UpliftExperiment() {
    }

    /** Scores per learner (and {@link #RANDOM}), one per split. */
    public static Map<String, List<Scores>> run(UpliftData data, int splits,
                                                Map<String, Function<UpliftData, UpliftModel>> learners) {
        if (splits < 1) {
            throw new IllegalArgumentException("needs at least 1 split, got " + splits);
        }
        Map<String, List<Scores>> out = new LinkedHashMap<>();
        learners.keySet().forEach(k -> out.put(k, new ArrayList<>()));
        out.put(RANDOM, new ArrayList<>());
        for (int s = 1; s <= splits; s++) {
            SplittableRandom random = new SplittableRandom(s);
            int[] rows = shuffled(data.size(), random);
            int half = rows.length / 2;
            UpliftData train = data.select(java.util.Arrays.copyOfRange(rows, 0, half));
            UpliftData test = data.select(java.util.Arrays.copyOfRange(rows, half, rows.length));
            for (var learner : learners.entrySet()) {
                UpliftModel model = learner.getValue().apply(train);
                out.get(learner.getKey()).add(Scores.of(new UpliftMetrics(test, model.score(test.features()))));
            }
            double[] noise = new double[test.size()];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = random.nextDouble();
            }
            out.get(RANDOM).add(Scores.of(new UpliftMetrics(test, noise)));
        }
        return out;
    }

    /**
     * Hillstrom's customers who got {@code treatment} ({@code mens} or {@code womens}) or no e-mail, as uplift data
     * with the features of {@link HillstromCustomers}.
     */
    public static UpliftData hillstrom(HillstromCustomers customers, String treatment) {
        int arm = switch (treatment) {
            case "mens" -> 1;
            case "womens" -> 2;
            default -> throw new IllegalArgumentException("the Hillstrom treatment is mens or womens, got '" + treatment + "'");
        };
        return UpliftData.armAgainstControl(customers.features(), customers.arms(), customers.outcomes(), arm);
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = rows[i];
            rows[i] = rows[j];
            rows[j] = tmp;
        }
        return rows;
    }
}
