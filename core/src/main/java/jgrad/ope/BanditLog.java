package jgrad.ope;

/**
 * Rounds logged under a behaviour policy (numbered from 1 in messages): for round i its context, the action taken, the probability the
 * behaviour policy gave that action, and the reward. A propensity that is 0, missing (NaN) or above 1 is refused,
 * naming the round: an importance weight would divide by it.
 */
public record BanditLog(int actions, double[][] contexts, int[] actionsTaken, double[] propensities, double[] rewards) {

    public BanditLog {
        int n = contexts.length;
        if (n == 0 || actionsTaken.length != n || propensities.length != n || rewards.length != n) {
            throw new IllegalArgumentException("a log needs at least one round and one action, propensity and reward per"
                    + " context, got " + n + " contexts, " + actionsTaken.length + " actions, " + propensities.length
                    + " propensities, " + rewards.length + " rewards");
        }
        if (actions < 2) {
            throw new IllegalArgumentException("a log needs at least 2 possible actions, got " + actions);
        }
        for (int i = 0; i < n; i++) {
            if (actionsTaken[i] < 0 || actionsTaken[i] >= actions) {
                throw new IllegalArgumentException("round " + (i + 1) + ": action " + actionsTaken[i] + " is outside 0.."
                        + (actions - 1));
            }
            if (!(propensities[i] > 0 && propensities[i] <= 1)) {
                throw new IllegalArgumentException("round " + (i + 1) + ": propensity " + propensities[i]
                        + " is 0, missing or above 1; importance weights need the behaviour policy's probability in (0, 1]");
            }
            if (!Double.isFinite(rewards[i])) {
                throw new IllegalArgumentException("round " + (i + 1) + ": reward " + rewards[i] + " is not a number");
            }
        }
    }

    public int size() {
        return contexts.length;
    }

    /** The log restricted to {@code rows} (with repeats: a bootstrap resample). */
    public BanditLog select(int[] rows) {
        double[][] x = new double[rows.length][];
        int[] a = new int[rows.length];
        double[] p = new double[rows.length];
        double[] r = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            x[i] = contexts[rows[i]];
            a[i] = actionsTaken[rows[i]];
            p[i] = propensities[rows[i]];
            r[i] = rewards[rows[i]];
        }
        return new BanditLog(actions, x, a, p, r);
    }
}
