package jgrad.bandit;

/** A bandit policy: it picks an arm for a context and learns from the reward that arm earned. */
public interface BanditPolicy {

    /** The arm to play for {@code context} (context-free policies ignore it). */
    int choose(double[] context);

    /** Learns that {@code arm}, played for {@code context}, earned {@code reward}. */
    void update(double[] context, int arm, double reward);

    /** A short name for reports ("linucb", "thompson", …). */
    String name();
}
