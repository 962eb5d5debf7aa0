package jgrad.bandit;

/**
 * Disjoint LinUCB (Li, Chu, Langford and Schapire, <i>A contextual-bandit approach to personalized news
 * article recommendation</i>, WWW 2010, Algorithm 1): each arm a keeps a ridge regression A_a = I + Σ x xᵀ,
 * b_a = Σ r x, and the policy plays argmax_a θ̂_aᵀx + α √(xᵀ A_a⁻¹ x), θ̂_a = A_a⁻¹ b_a.
 */
public final class LinUcb implements BanditPolicy {

    private final RidgeArm[] arms;
    private final double alpha;

    public LinUcb(int arms, int dimension, double alpha) {
        if (arms < 2 || !(alpha >= 0)) {
            throw new IllegalArgumentException("LinUCB needs at least 2 arms and α >= 0, got " + arms + " arms, α = " + alpha);
        }
        this.arms = new RidgeArm[arms];
        for (int a = 0; a < arms; a++) {
            this.arms[a] = new RidgeArm(dimension, 1);
        }
        this.alpha = alpha;
    }

    /** θ̂_aᵀx + α √(xᵀ A_a⁻¹ x) for every arm. */
    public double[] upperBounds(double[] context) {
        arms[0].checkContext(context);
        double[] p = new double[arms.length];
        for (int a = 0; a < arms.length; a++) {
            p[a] = arms[a].mean(context) + alpha * Math.sqrt(arms[a].variance(context));
        }
        return p;
    }

    @Override
    public int choose(double[] context) {
        return ArmStats.argmax(upperBounds(context));
    }

    @Override
    public void update(double[] context, int arm, double reward) {
        arms[0].checkContext(context);
        arms[arm].update(context, reward);
    }

    /** Deterministic: all the probability on the arm {@link #choose} picks. */
    @Override
    public double[] probabilities(double[] context, int arms, int draws) {
        double[] p = new double[arms];
        p[choose(context)] = 1;
        return p;
    }

    @Override
    public String name() {
        return "linucb";
    }
}
