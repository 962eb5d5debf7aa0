package jgrad.bandit;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A contextual offer simulator calibrated on Hillstrom's randomized e-mail experiment: each round shows a real
 * customer drawn uniformly from the file, and arm a (No E-Mail, Mens E-Mail, Womens E-Mail) succeeds with
 * probability σ(w_aᵀx), where w_a is the logistic regression ({@link LogisticRegression}, λ = 1e-3) of the
 * outcome on the customers randomized to arm a. Because assignment was random, these response models are
 * causal, so the rates and the effect of the context are the experiment's own.
 */
public final class HillstromSimulator implements ContextualSimulator {

    private final double[][] customers;
    private final double[][] weights;

    private HillstromSimulator(double[][] customers, double[][] weights) {
        this.customers = customers;
        this.weights = weights;
    }

    /** Fits one response model per arm on {@code data}. */
    public static HillstromSimulator fit(HillstromCustomers data) {
        int arms = HillstromCustomers.ARMS.size();
        double[][] weights = new double[arms][];
        for (int a = 0; a < arms; a++) {
            int count = 0;
            for (int arm : data.arms()) {
                count += arm == a ? 1 : 0;
            }
            if (count == 0) {
                throw new IllegalArgumentException("no customer was assigned to '" + HillstromCustomers.ARMS.get(a)
                        + "', so its response cannot be fitted");
            }
            double[][] x = new double[count][];
            double[] y = new double[count];
            for (int r = 0, i = 0; r < data.arms().length; r++) {
                if (data.arms()[r] == a) {
                    x[i] = data.features()[r];
                    y[i++] = data.outcomes()[r];
                }
            }
            weights[a] = LogisticRegression.fit(x, y, 1e-3, 50);
        }
        return new HillstromSimulator(data.features(), weights);
    }

    /** The fitted response weights of an arm (in the order of {@link HillstromCustomers#FEATURES}). */
    public double[] weights(int arm) {
        return weights[arm].clone();
    }

    @Override
    public List<String> armNames() {
        return HillstromCustomers.ARMS;
    }

    @Override
    public int dimension() {
        return customers[0].length;
    }

    @Override
    public Round next(RandomGenerator random) {
        double[] x = customers[random.nextInt(customers.length)];
        return new Round(x.clone(), expectedRewards(x));
    }

    @Override
    public double[] expectedRewards(double[] context) {
        return LogisticRegression.probabilities(weights, context);
    }
}
