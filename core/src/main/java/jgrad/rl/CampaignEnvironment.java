package jgrad.rl;

import java.util.random.RandomGenerator;

import jgrad.bandit.HillstromCustomers;
import jgrad.bandit.HillstromSimulator;

/**
 * A weekly e-mail campaign over {@code weeks} weeks. Each week the action is 0 (no e-mail), 1 (men's) or 2
 * (women's). A customer x visits that week with probability
 * <pre>
 *   p = μ₀(x)                                  without an e-mail
 *   p = μ₀(x) + (μ_a(x) − μ₀(x))·exp(−γ f)      with e-mail a, where f is the customer's fatigue
 *   reward = 1[visit] − c·1[a ≠ 0],   f ← ρ f + 1[a ≠ 0]
 * </pre>
 * μ_a are the visit models of {@link HillstromSimulator} fitted on the experiment (a two-week response, read
 * here as a week's), so a first e-mail has the experiment's effect and later ones fade with fatigue.
 * Defaults: γ = 0.5, ρ = 0.6, c = 0.05.
 */
public final class CampaignEnvironment {

    /** The actions, by index. */
    public static final java.util.List<String> ACTIONS = java.util.List.of("none", "mens", "womens");

    private final HillstromSimulator response;
    private final double[][] customers;
    private final int weeks;
    private final double fatigueStrength;
    private final double fatigueDecay;
    private final double cost;

    public CampaignEnvironment(HillstromCustomers data, int weeks, double fatigueStrength, double fatigueDecay, double cost) {
        if (weeks < 1 || !(fatigueStrength >= 0) || !(fatigueDecay >= 0 && fatigueDecay < 1) || !(cost >= 0)) {
            throw new IllegalArgumentException("a campaign needs weeks >= 1, γ >= 0, 0 <= ρ < 1 and c >= 0, got " + weeks
                    + ", " + fatigueStrength + ", " + fatigueDecay + ", " + cost);
        }
        this.response = HillstromSimulator.fit(data);
        this.customers = data.features();
        this.weeks = weeks;
        this.fatigueStrength = fatigueStrength;
        this.fatigueDecay = fatigueDecay;
        this.cost = cost;
    }

    public int weeks() {
        return weeks;
    }

    /** One customer's state: features, fatigue and the week (from 0). */
    public record State(double[] customer, double fatigue, int week) {
    }

    /** A customer drawn uniformly from the experiment, rested, in week 0. */
    public State start(RandomGenerator random) {
        return new State(customers[random.nextInt(customers.length)], 0, 0);
    }

    /** The expected reward of {@code action} in {@code state}. */
    public double expectedReward(State state, int action) {
        return visitProbability(state, action) - (action == 0 ? 0 : cost);
    }

    /** Draws the reward of {@code action} in {@code state}. */
    public double reward(State state, int action, RandomGenerator random) {
        double visit = random.nextDouble() < visitProbability(state, action) ? 1 : 0;
        return visit - (action == 0 ? 0 : cost);
    }

    /** The state a week later. */
    public State next(State state, int action) {
        return new State(state.customer(), fatigueDecay * state.fatigue() + (action == 0 ? 0 : 1), state.week() + 1);
    }

    /** The inputs a policy sees: the customer's features, the fatigue and the share of the campaign gone. */
    public double[] observation(State state) {
        double[] x = state.customer();
        double[] o = new double[x.length + 2];
        System.arraycopy(x, 0, o, 0, x.length);
        o[x.length] = state.fatigue();
        o[x.length + 1] = (double) state.week() / weeks;
        return o;
    }

    public int observationSize() {
        return customers[0].length + 2;
    }

    private double visitProbability(State state, int action) {
        double[] mu = response.expectedRewards(state.customer());
        if (action == 0) {
            return mu[0];
        }
        return mu[0] + (mu[action] - mu[0]) * Math.exp(-fatigueStrength * state.fatigue());
    }

    /** A rule for the baselines: the action for a state. */
    @FunctionalInterface
    public interface Rule {
        int act(State state);
    }

    /**
     * The mean expected return per customer of a rule over {@code customers} drawn customers: the sum over the
     * weeks of each step's expected reward, so the only noise is which customers were drawn.
     */
    public double evaluate(Rule rule, int episodes, RandomGenerator random) {
        double total = 0;
        for (int e = 0; e < episodes; e++) {
            State s = start(random);
            for (int w = 0; w < weeks; w++) {
                int a = rule.act(s);
                total += expectedReward(s, a);
                s = next(s, a);
            }
        }
        return total / episodes;
    }

    /** The e-mail with the larger first-week effect for this customer (the myopic best offer). */
    public int bestOffer(State state) {
        double[] mu = response.expectedRewards(state.customer());
        return mu[1] >= mu[2] ? 1 : 2;
    }
}
