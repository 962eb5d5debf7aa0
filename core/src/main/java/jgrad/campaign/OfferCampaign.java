package jgrad.campaign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

import jgrad.backend.Device;
import jgrad.bandit.HillstromCustomers;
import jgrad.data.csv.Table;
import jgrad.data.split.Split;
import jgrad.data.split.Splits;
import jgrad.segment.KMeans;
import jgrad.segment.Segmentation;
import jgrad.uplift.UpliftData;
import jgrad.uplift.UpliftExperiment;
import jgrad.uplift.UpliftLearners;
import jgrad.uplift.UpliftMetrics;
import jgrad.uplift.UpliftModel;

/**
 * The campaign on a randomized e-mail experiment (Hillstrom's: no e-mail, the men's or the women's e-mail, each to a
 * third of the customers at random), in one call:
 * <ol>
 *   <li>a seeded split into training and held-out customers; everything below is fitted on the training ones;</li>
 *   <li>segments and their profiles ({@link Segmentation}, as for the bank clients);</li>
 *   <li>per e-mail, the uplift learners of {@code jgrad.uplift} (T-learner, S-learner, class transformation, the
 *       neural two-head model), each scored on the held-out customers by its Qini coefficient and curve;</li>
 *   <li>the policy ({@link OfferUpliftPolicy} over T-learners): each customer's e-mail is the one with the larger
 *       predicted uplift, and the budget goes to the customers whose uplift is largest;</li>
 *   <li>a simulated A/B test on the held-out customers: the policy against current practice (the same number of
 *       e-mails sent at random, every customer mailed at random, every customer sent the e-mail that did better on
 *       the training customers, no e-mail), each valued by inverse propensity weighting with the design's 1/3
 *       ({@link RandomizedPolicyValue}): a held-out customer counts when the e-mail the policy picks is the one
 *       the experiment gave them.</li>
 * </ol>
 */
public final class OfferCampaign {

    /**
     * @param budget share of customers the campaign may e-mail, in (0, 1]
     * @param testFraction share of customers held out
     * @param segments k of k-means
     * @param target the outcome: {@code visit} or {@code conversion}
     * @param seed every random choice derives from it
     * @param device where the neural two-head model trains
     */
    public record Settings(double budget, double testFraction, int segments, String target, long seed, Device device) {
    }

    /** A policy's value per customer on the held-out customers, and the uplift policy's gain over it. */
    public record PolicyValue(String policy, double contactShare, RandomizedPolicyValue.Estimate value,
            RandomizedPolicyValue.Estimate upliftPolicyGain) {
    }

    /**
     * Everything the run found. {@code qini} holds per e-mail, per learner (and the random ranking), the scores on
     * the held-out customers; {@code mailed} counts the customers the policy sends each arm (index 0: none).
     */
    public record Result(int trainingCustomers, int heldOutCustomers, Segmentation.Result segments,
            Map<String, Map<String, UpliftExperiment.Scores>> qini, int[] mailed, List<PolicyValue> policies) {
    }

    /** The design's probability of each arm: Hillstrom randomized a third of the customers to each. */
    public static final double[] PROPENSITY = {1.0 / 3, 1.0 / 3, 1.0 / 3};
    public static final double CONFIDENCE = 0.95;
    public static final String UPLIFT_POLICY = "uplift policy";

    private OfferCampaign() {
    }

    /** Fewer customers than this leave too few per arm and split to fit or value anything. */
    public static final int MIN_CUSTOMERS = 50;

    public static Result run(Table customers, Settings s, Consumer<String> progress) {
        checkArms(customers);
        SplittableRandom rng = new SplittableRandom(s.seed());
        Split<int[]> rows = Splits.random(customers.rowCount(), s.testFraction(), rng);
        Table train = customers.select(rows.train());
        Table heldOut = customers.select(rows.test());
        ClientSchema schema = ClientSchema.hillstrom(s.target());

        Segmentation segmentation = new Segmentation(train, schema.numeric(), schema.categorical(), schema.outcome());
        Segmentation.Result segments = segmentation.run(segmentation.features().rows(), s.segments(), s.segments(),
                KMeans.of(s.segments()).restarts(CampaignPipeline.KMEANS_RESTARTS), CampaignPipeline.SILHOUETTE_SAMPLE,
                s.seed(), CampaignPipeline.PROFILE_FEATURES);
        progress.accept("segments: " + s.segments() + " on " + train.rowCount() + " training customers");

        HillstromCustomers fit = HillstromCustomers.of(train, s.target());
        HillstromCustomers test = HillstromCustomers.of(heldOut, s.target());
        Map<String, Map<String, UpliftExperiment.Scores>> qini = qini(fit, test, s);
        progress.accept("uplift models of both e-mails fitted and scored on " + heldOut.rowCount() + " customers");

        int offers = HillstromCustomers.ARMS.size() - 1;
        OfferUpliftPolicy policy = OfferUpliftPolicy.fit(fit.features(), fit.arms(), fit.outcomes(), offers,
                UpliftLearners::tLearner);
        int[] assignment = policy.assign(test.features(), s.budget());
        int[] mailed = new int[offers + 1];
        for (int a : assignment) {
            mailed[a]++;
        }
        List<PolicyValue> values = compare(test, assignment, bestOffer(fit, offers));
        progress.accept("policies valued on the held-out customers");
        return new Result(train.rowCount(), heldOut.rowCount(), segments, qini, mailed, values);
    }

    private static void checkArms(Table customers) {
        if (customers.rowCount() < MIN_CUSTOMERS) {
            throw new IllegalArgumentException(customers.source() + ": holds " + customers.rowCount()
                    + " customers; the campaign needs at least " + MIN_CUSTOMERS);
        }
        String[] segment = customers.strings("segment");
        for (String arm : HillstromCustomers.ARMS) {
            if (Arrays.stream(segment).noneMatch(arm::equals)) {
                throw new IllegalArgumentException(customers.source() + ": no customer is in the arm '" + arm
                        + "' (column segment); the campaign compares each e-mail with no e-mail on randomized arms "
                        + HillstromCustomers.ARMS);
            }
        }
    }

    /** Per e-mail: every learner's and the random ranking's scores on the held-out customers. */
    private static Map<String, Map<String, UpliftExperiment.Scores>> qini(HillstromCustomers fit,
            HillstromCustomers test, Settings s) {
        Map<String, Function<UpliftData, UpliftModel>> learners = UpliftExperiment.learners(s.device());
        Map<String, Map<String, UpliftExperiment.Scores>> out = new LinkedHashMap<>();
        SplittableRandom noise = new SplittableRandom(s.seed() ^ 0x9E3779B97F4A7C15L);
        for (int k = 1; k < HillstromCustomers.ARMS.size(); k++) {
            UpliftData train = UpliftData.armAgainstControl(fit.features(), fit.arms(), fit.outcomes(), k);
            UpliftData held = UpliftData.armAgainstControl(test.features(), test.arms(), test.outcomes(), k);
            Map<String, UpliftExperiment.Scores> byLearner = new LinkedHashMap<>();
            learners.forEach((name, learner) -> byLearner.put(name, UpliftExperiment.Scores.of(
                    new UpliftMetrics(held, learner.apply(train).score(held.features())))));
            double[] random = new double[held.size()];
            for (int i = 0; i < random.length; i++) {
                random[i] = noise.nextDouble();
            }
            byLearner.put(UpliftExperiment.RANDOM, UpliftExperiment.Scores.of(new UpliftMetrics(held, random)));
            out.put(HillstromCustomers.ARMS.get(k), byLearner);
        }
        return out;
    }

    /** The e-mail whose treated-minus-control rate was larger on the training customers. */
    private static int bestOffer(HillstromCustomers fit, int offers) {
        double[] sum = new double[offers + 1];
        int[] count = new int[offers + 1];
        for (int i = 0; i < fit.arms().length; i++) {
            sum[fit.arms()[i]] += fit.outcomes()[i];
            count[fit.arms()[i]]++;
        }
        int best = 1;
        for (int k = 2; k <= offers; k++) {
            if (sum[k] / count[k] > sum[best] / count[best]) {
                best = k;
            }
        }
        return best;
    }

    private static List<PolicyValue> compare(HillstromCustomers test, int[] assignment, int bestOffer) {
        int n = assignment.length;
        int arms = PROPENSITY.length;
        RandomizedPolicyValue value = new RandomizedPolicyValue(test.arms(), test.outcomes(), PROPENSITY, CONFIDENCE);
        double contacted = 0;
        for (int a : assignment) {
            contacted += a == OfferUpliftPolicy.NONE ? 0 : 1;
        }
        contacted /= n;
        int[] everyoneBest = new int[n];
        Arrays.fill(everyoneBest, bestOffer);
        Map<String, double[][]> policies = new LinkedHashMap<>();
        policies.put(UPLIFT_POLICY, OfferUpliftPolicy.deterministic(assignment, arms));
        policies.put("random e-mails, same number", OfferUpliftPolicy.randomContacts(n, arms, contacted));
        policies.put("e-mail everyone, e-mail at random", OfferUpliftPolicy.randomContacts(n, arms, 1));
        policies.put("e-mail everyone the " + HillstromCustomers.ARMS.get(bestOffer),
                OfferUpliftPolicy.deterministic(everyoneBest, arms));
        policies.put("no e-mail", OfferUpliftPolicy.deterministic(new int[n], arms));
        double[][] uplift = policies.get(UPLIFT_POLICY);
        List<PolicyValue> out = new ArrayList<>();
        policies.forEach((name, p) -> out.add(new PolicyValue(name, contactShare(p), value.value(p),
                name.equals(UPLIFT_POLICY) ? null : value.difference(uplift, p))));
        return out;
    }

    private static double contactShare(double[][] policy) {
        double s = 0;
        for (double[] row : policy) {
            s += 1 - row[OfferUpliftPolicy.NONE];
        }
        return s / policy.length;
    }
}
