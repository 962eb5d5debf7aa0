package jgrad.privacy.federated;

import java.util.List;

import jgrad.random.PhiloxRandom;

/**
 * Secure aggregation by pairwise masks, simulated (the core of Bonawitz et al., "Practical Secure Aggregation for
 * Privacy-Preserving Machine Learning", CCS 2017, without its recovery from clients that drop out). Every pair of
 * participants i &lt; j shares a secret s_ij (in the protocol, from a Diffie–Hellman exchange; here a Philox stream
 * of a session seed, the round and the pair). Client i sends its update x_i in fixed point, x̃_i = round(x_i·2^F),
 * plus Σ_{j&gt;i} PRG(s_ij) − Σ_{j&lt;i} PRG(s_ji), all modulo 2^64 (Java's long arithmetic). Each masked vector
 * alone is uniformly random; in the server's sum every mask appears once with + and once with −, so the sum is
 * exactly Σ x̃_i, which the server decodes by 2^−F. The server learns the sum and nothing else of any update.
 */
public final class SecureAggregation {

    private final int fractionBits;
    private final long sessionSeed;

    /**
     * @param fractionBits F: updates are rounded to multiples of 2^−F, in [8, 48]
     * @param sessionSeed  the seed the simulated pairwise secrets derive from (the clients' secret, not the server's)
     */
    public SecureAggregation(int fractionBits, long sessionSeed) {
        if (fractionBits < 8 || fractionBits > 48) {
            throw new IllegalArgumentException("secure aggregation: fraction bits must be in [8, 48], got " + fractionBits);
        }
        this.fractionBits = fractionBits;
        this.sessionSeed = sessionSeed;
    }

    /**
     * What the participant at position {@code self} of {@code participants} (the round's clients, at least two)
     * sends in {@code round}: its update in fixed point with the pairwise masks added.
     */
    public long[] mask(int self, int participants, long round, double[] update) {
        if (participants < 2) {
            throw new IllegalArgumentException("secure aggregation needs at least 2 participants, got " + participants
                    + " (one client's sum is its update)");
        }
        if (self < 0 || self >= participants) {
            throw new IllegalArgumentException("participant position " + self + " is outside [0, " + participants + ")");
        }
        double limit = Math.scalb(1.0, 62 - fractionBits) / participants;   // the decoded sum must fit a long
        long[] out = new long[update.length];
        for (int k = 0; k < update.length; k++) {
            if (!(Math.abs(update[k]) < limit)) {
                throw new IllegalArgumentException("secure aggregation: update coordinate " + k + " (" + update[k]
                        + ") is not finite or too large for " + participants + " participants at " + fractionBits
                        + " fraction bits");
            }
            out[k] = Math.round(Math.scalb(update[k], fractionBits));
        }
        for (int other = 0; other < participants; other++) {
            if (other != self) {
                addMask(out, round, Math.min(self, other), Math.max(self, other), self < other ? 1 : -1);
            }
        }
        return out;
    }

    /** The server's step: the sum of the masked vectors, decoded. Exactly Σ round(x_i·2^F)·2^−F. */
    public double[] sum(List<long[]> masked) {
        if (masked.isEmpty()) {
            throw new IllegalArgumentException("secure aggregation: no masked updates to sum");
        }
        int n = masked.get(0).length;
        long[] total = new long[n];
        for (long[] m : masked) {
            if (m.length != n) {
                throw new IllegalArgumentException("secure aggregation: masked updates of lengths " + n + " and "
                        + m.length);
            }
            for (int k = 0; k < n; k++) {
                total[k] += m[k];                      // wraps modulo 2^64, as the masks do
            }
        }
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = Math.scalb((double) total[k], -fractionBits);
        }
        return out;
    }

    /** The fixed-point value the server's sum is exact in: round(x·2^F)·2^−F. */
    public double rounded(double x) {
        return Math.scalb((double) Math.round(Math.scalb(x, fractionBits)), -fractionBits);
    }

    private void addMask(long[] v, long round, int low, int high, int sign) {
        PhiloxRandom prg = new PhiloxRandom(sessionSeed + round * 0x9E3779B97F4A7C15L, ((long) low << 32) | high);
        for (int k = 0; k < v.length; k++) {
            v[k] += sign * prg.nextLong();
        }
    }
}
