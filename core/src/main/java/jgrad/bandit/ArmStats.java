package jgrad.bandit;

/** Pulls and reward sums per arm: the statistics the context-free policies keep. */
final class ArmStats {

    final long[] pulls;
    final double[] rewardSums;

    ArmStats(int arms) {
        if (arms < 2) {
            throw new IllegalArgumentException("a bandit needs at least 2 arms, got " + arms);
        }
        pulls = new long[arms];
        rewardSums = new double[arms];
    }

    void add(int arm, double reward) {
        pulls[arm]++;
        rewardSums[arm] += reward;
    }

    double mean(int arm) {
        return pulls[arm] == 0 ? 0 : rewardSums[arm] / pulls[arm];
    }

    long total() {
        long t = 0;
        for (long p : pulls) {
            t += p;
        }
        return t;
    }

    /** The arm with the highest score; ties go to the lowest index, so runs are reproducible. */
    static int argmax(double[] scores) {
        int best = 0;
        for (int a = 1; a < scores.length; a++) {
            if (scores[a] > scores[best]) {
                best = a;
            }
        }
        return best;
    }
}
