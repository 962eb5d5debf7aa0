package jgrad.bandit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A synthetic contextual simulator in the manner of the Open Bandit Pipeline's (Saito et al. 2021) synthetic
 * data: contexts x ~ N(0, I_d) and K actions with logistic responses μ_a(x) = σ(β_aᵀx + c_a), where
 * β_a ~ N(0, I/d) and c_a ~ U(−2.5, −1) are drawn once from {@code seed} (base rates of about 8–27 %).
 * Nothing here is calibrated on data: it is the ground truth for checking off-policy estimators.
 */
public final class SyntheticSimulator implements ContextualSimulator {

    private final double[][] weights;
    private final List<String> names;

    public SyntheticSimulator(int actions, int dimension, long seed) {
        if (actions < 2 || dimension < 1) {
            throw new IllegalArgumentException("a synthetic simulator needs at least 2 actions and 1 feature, got "
                    + actions + " and " + dimension);
        }
        SplittableRandom random = new SplittableRandom(seed);
        weights = new double[actions][dimension + 1];
        names = new ArrayList<>();
        for (int a = 0; a < actions; a++) {
            weights[a][0] = -2.5 + 1.5 * random.nextDouble();
            for (int j = 1; j <= dimension; j++) {
                weights[a][j] = random.nextGaussian() / Math.sqrt(dimension);
            }
            names.add("action " + a);
        }
    }

    @Override
    public List<String> armNames() {
        return names;
    }

    /** Contexts carry a leading constant 1, so linear policies have an intercept. */
    @Override
    public int dimension() {
        return weights[0].length;
    }

    @Override
    public Round next(RandomGenerator random) {
        double[] x = new double[dimension()];
        x[0] = 1;
        for (int j = 1; j < x.length; j++) {
            x[j] = random.nextGaussian();
        }
        return new Round(x, expectedRewards(x));
    }

    @Override
    public double[] expectedRewards(double[] context) {
        return LogisticRegression.probabilities(weights, context);
    }
}
