package jgrad.privacy.dp;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.data.Ratings;
import jgrad.nn.loss.Losses;
import jgrad.optim.Optimizer;
import jgrad.optim.Regularizer;
import jgrad.optim.SGD;
import jgrad.recsys.BiasedMF;
import jgrad.recsys.Evaluation;
import jgrad.tensor.Tensor;

/**
 * Biased matrix factorization r̂(u, i) = μ + b_u + b_i + p_u · q_i trained with DP-SGD ({@link PairDpSgd}) to a
 * target (ε, δ) per rating, and the privacy/utility curve: test RMSE at several ε beside the same loop without
 * noise (σ = 0: the same batches, clipping and steps, so the difference is the price of the noise). The noise multiplier σ is the smallest the {@link RdpAccountant} allows for the target over
 * all the steps; μ is the mean training rating (treated as public, as in the DP-MF literature's centring).
 * The optimizer is SGD with momentum and an L2 penalty on every row of the factor tables p and q (not the biases):
 * the penalty pulls the factor rows that the noise moves but few ratings support back to zero, so a rarely rated
 * movie falls back to μ + b_u + b_i. Noise on a d-wide factor row enters the prediction through p_u · q_i, which is
 * why the factors need the penalty more than the biases do.
 */
public final class PrivateMatrixFactorization {

    private PrivateMatrixFactorization() {
    }

    /** The training protocol. */
    public record Settings(int factors, int expectedBatch, double clipNorm, double learningRate, double momentum,
                           double l2, int epochs, double delta, long seed) {
        public Settings {
            if (factors < 1 || expectedBatch < 1 || epochs < 1) {
                throw new IllegalArgumentException("factors, batch and epochs must be positive, got " + factors + ", "
                        + expectedBatch + ", " + epochs);
            }
            if (!(clipNorm > 0) || Double.isInfinite(clipNorm)) {
                throw new IllegalArgumentException("the clip norm C must be positive and finite, got " + clipNorm);
            }
            if (!(delta > 0 && delta < 1)) {
                throw new IllegalArgumentException("δ must be in (0, 1), got " + delta);
            }
        }
    }

    /** One point of the curve: the target ε (infinite: not private), σ, the ε spent, the test RMSE. */
    public record Point(double targetEpsilon, double sigma, double epsilonSpent, double testRmse, double secondsPerEpoch) {
        public boolean isPrivate() {
            return Double.isFinite(targetEpsilon);
        }
    }

    /** Called after every epoch. */
    public interface Progress {
        void epoch(double targetEpsilon, int epoch, double trainLoss, double epsilonSpent, double testRmse, double seconds);
    }

    /**
     * Trains on {@code train} (dense ids below numUsers / numItems) to {@code targetEpsilon} (infinity: the same
     * loop without clipping or noise) and tests on {@code test}, on {@code device}.
     */
    public static Point train(Ratings train, Ratings test, int numUsers, int numItems, double targetEpsilon,
                              Settings s, Device device, Progress progress) {
        if (!(targetEpsilon > 0)) {
            throw new IllegalArgumentException("the target ε must be positive, got " + targetEpsilon);
        }
        int n = train.size();
        if (n == 0) {
            throw new IllegalArgumentException("no training ratings");
        }
        double q = Math.min(1, (double) s.expectedBatch() / n);
        long steps = s.epochs() * Math.max(1, Math.round(1 / q));
        boolean isPrivate = Double.isFinite(targetEpsilon);
        double sigma = isPrivate ? RdpAccountant.noiseMultiplier(targetEpsilon, q, steps, s.delta()) : 0;
        BiasedMF model = new BiasedMF(numUsers, numItems, s.factors(), train.meanRating(), true, DType.F32,
                new SplittableRandom(s.seed()));
        model.to(device);
        Optimizer sgd = new SGD(s.learningRate(), s.momentum(), false);
        sgd.regularize(Regularizer.l2(s.l2()), PrivateMatrixFactorization::isFactorTable);
        PairDpSgd dp = PairDpSgd.of(sgd, s.clipNorm(), sigma, q, n, s.seed() + 1).bind(model);
        Tensor targets = Tensor.of(train.ratings(), n, 1).to(device);
        SplittableRandom batches = new SplittableRandom(s.seed() + 2);
        double rmse = Double.NaN;
        double seconds = 0;
        for (int e = 1; e <= s.epochs(); e++) {
            long start = System.nanoTime();
            double loss = dp.epoch(train.users(), train.items(), targets, Losses::mse, batches);
            double took = (System.nanoTime() - start) / 1e9;
            seconds += took;
            rmse = Evaluation.rmse(model, test.users(), test.items(), test.ratings());
            progress.epoch(targetEpsilon, e, loss, dp.spent(s.delta()).epsilon(), rmse, took);
        }
        return new Point(targetEpsilon, sigma, dp.spent(s.delta()).epsilon(), rmse, seconds / s.epochs());
    }

    private static boolean isFactorTable(String parameter) {
        return parameter.equals("user.W_emb") || parameter.equals("item.W_emb");
    }

    /** The non-private point first, then one point per target ε, each from the same seed. */
    public static List<Point> curve(Ratings train, Ratings test, int numUsers, int numItems, double[] epsilons,
                                    Settings s, Device device, Progress progress) {
        List<Point> points = new ArrayList<>();
        points.add(train(train, test, numUsers, numItems, Double.POSITIVE_INFINITY, s, device, progress));
        for (double eps : epsilons) {
            points.add(train(train, test, numUsers, numItems, eps, s, device, progress));
        }
        return points;
    }
}
