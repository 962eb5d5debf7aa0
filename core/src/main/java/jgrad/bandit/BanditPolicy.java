package jgrad.bandit;

/** A bandit policy: it picks an arm for a context and learns from the reward that arm earned. */
public interface BanditPolicy {

    /** The arm to play for {@code context} (context-free policies ignore it). */
    int choose(double[] context);

    /** Learns that {@code arm}, played for {@code context}, earned {@code reward}. */
    void update(double[] context, int arm, double reward);

    /** A short name for reports ("linucb", "thompson", …). */
    String name();

    /**
     * π(·|x): the probability that {@link #choose} picks each of {@code arms} arms for {@code context}, with the
     * policy as it stands (nothing is learned). Estimated as the share of {@code draws} calls of choose that pick
     * each arm, which is exact for a deterministic policy; policies that know theirs in closed form override it.
     * Calls of choose advance the policy's own generator.
     */
    default double[] probabilities(double[] context, int arms, int draws) {
        if (draws < 1) {
            throw new IllegalArgumentException("needs at least one draw, got " + draws);
        }
        double[] p = new double[arms];
        for (int i = 0; i < draws; i++) {
            p[choose(context)] += 1.0 / draws;
        }
        return p;
    }
}
