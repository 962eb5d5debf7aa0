package jgrad.campaign;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import jgrad.data.csv.Table;
import jgrad.data.split.Split;
import jgrad.data.split.Splits;
import jgrad.metrics.CampaignAtBudget;
import jgrad.segment.KMeans;
import jgrad.segment.Segmentation;
import jgrad.train.History;
import jgrad.train.Model;

/**
 * The personalized-marketing system in one call, on a client table (seed 000 §2):
 * <ol>
 *   <li>a seeded split into training and held-out clients; every statistic below is fitted on the training
 *       clients only;</li>
 *   <li>segments and their profiles: k-means on the standardized, one-hot training clients
 *       ({@link Segmentation});</li>
 *   <li>the response model: a feed-forward network ({@link NeuralResponse}) measured against ridge logistic
 *       regression ({@link LogisticResponse}) by k-fold cross-validation on the training clients, then both
 *       fitted on all of them and scored on the held-out clients;</li>
 *   <li>the policy: call the held-out clients the network ranks highest, within the budget
 *       ({@link CampaignAtBudget});</li>
 *   <li>a simulated A/B/C test of that policy against random calls at the same budget and against calling
 *       everyone ({@link SimulatedAbTest}).</li>
 * </ol>
 * On a randomized experiment with several offers and a control group (Hillstrom's e-mails), {@link #runExperiment}
 * decides whom to contact with which offer by uplift instead ({@link OfferCampaign}); {@link CampaignData} tells
 * the two kinds of data apart by their header.
 */
public final class CampaignPipeline {

    /**
     * @param budget share of clients the campaign may call, in (0, 1]
     * @param testFraction share of clients held out for scoring and the A/B test
     * @param folds k of the cross-validation
     * @param segments k of k-means
     * @param network the response network's settings (and device)
     * @param seed every random choice derives from it
     */
    public record Settings(double budget, double testFraction, int folds, int segments, NeuralResponse network,
            long seed) {
    }

    /** Everything the run found, for printing and plotting. */
    public record Result(int trainingClients, int heldOutClients, Segmentation.Result segments,
            CrossValidation.Result[] crossValidation, History networkHistory, Map<String, double[]> heldOutScores,
            int[] heldOutOutcomes, CampaignAtBudget campaign, SimulatedAbTest.Result abTest) {

        /** The network's held-out probabilities: the policy's scores. */
        public double[] policyScores() {
            return heldOutScores.values().iterator().next();
        }
    }

    /** Clients that silhouettes are scored on: enough for a stable mean, cheap at any size. */
    static final int SILHOUETTE_SAMPLE = 1500;
    static final int PROFILE_FEATURES = 4;
    static final int KMEANS_RESTARTS = 4;

    private CampaignPipeline() {
    }

    /** The campaign on Hillstrom's randomized e-mail experiment: {@link OfferCampaign#run}. */
    public static OfferCampaign.Result runExperiment(Table customers, OfferCampaign.Settings s,
            Consumer<String> progress) {
        return OfferCampaign.run(customers, s, progress);
    }

    /** Runs every step; {@code progress} hears one line as each step ends. */
    public static Result run(Table clients, ClientSchema schema, Settings s, Consumer<String> progress) {
        SplittableRandom rng = new SplittableRandom(s.seed());
        Split<int[]> rows = Splits.random(clients.rowCount(), s.testFraction(), rng);
        Table train = clients.select(rows.train());
        Table heldOut = clients.select(rows.test());

        Segmentation segmentation = new Segmentation(train, schema.numeric(), schema.categorical(), schema.outcome());
        Segmentation.Result segments = segmentation.run(segmentation.features().rows(), s.segments(), s.segments(),
                KMeans.of(s.segments()).restarts(KMEANS_RESTARTS), SILHOUETTE_SAMPLE, s.seed(), PROFILE_FEATURES);
        progress.accept("segments: " + s.segments() + " on " + train.rowCount() + " training clients");

        LogisticResponse baseline = new LogisticResponse();
        CrossValidation.Result[] cv = CrossValidation.run(train, schema, s.folds(), s.seed(), s.network(), baseline);
        progress.accept(s.folds() + "-fold cross-validation of the network and the logistic baseline done");

        ResponseFeatures features = ResponseFeatures.fit(schema, train);
        float[] x = features.transform(train);
        float[] xHeldOut = features.transform(heldOut);
        int[] y = features.labels(train);
        Model network = s.network().build(features.width(), s.seed());
        History history = s.network().fit(network, x, y, features.width(), s.seed());
        Map<String, double[]> scores = new LinkedHashMap<>();
        scores.put(s.network().name(), NeuralResponse.probabilities(network, xHeldOut, features.width()));
        scores.put(baseline.name(), baseline.fitAndScore(x, y, xHeldOut, features.width(), s.seed()));
        progress.accept("response models fitted on " + train.rowCount() + " clients, scored on " + heldOut.rowCount());

        int[] outcomes = features.labels(heldOut);
        double[] policy = scores.get(s.network().name());
        CampaignAtBudget campaign = CampaignAtBudget.of(policy, outcomes, s.budget());
        SimulatedAbTest.Result ab = SimulatedAbTest.run(policy, outcomes, s.budget(), s.seed());
        return new Result(train.rowCount(), heldOut.rowCount(), segments, cv, history, scores, outcomes, campaign, ab);
    }
}
