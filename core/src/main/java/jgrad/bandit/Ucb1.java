package jgrad.bandit;

/**
 * UCB1 (Auer, Cesa-Bianchi and Fischer 2002): play every arm once, then the arm maximizing
 * x̄_a + √(2 ln t / n_a), where t counts all plays and n_a the plays of arm a.
 */
public final class Ucb1 implements BanditPolicy {

    private final ArmStats stats;

    public Ucb1(int arms) {
        this.stats = new ArmStats(arms);
    }

    @Override
    public int choose(double[] context) {
        double[] scores = new double[stats.pulls.length];
        double logT = Math.log(Math.max(1, stats.total()));
        for (int a = 0; a < scores.length; a++) {
            if (stats.pulls[a] == 0) {
                return a;
            }
            scores[a] = stats.mean(a) + Math.sqrt(2 * logT / stats.pulls[a]);
        }
        return ArmStats.argmax(scores);
    }

    @Override
    public void update(double[] context, int arm, double reward) {
        stats.add(arm, reward);
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
        return "ucb1";
    }
}
