package jgrad.privacy.federated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SecureAggregationTest {

    private static final int F = 24;

    /**
     * Five clients' updates: each masked vector the server receives, read as fixed point, is nowhere near the
     * update (the masks are uniform over 2^64), yet the server's sum is exactly the sum of the rounded updates.
     */
    @Test
    void theServerSeesOnlyMaskedUpdatesAndTheExactSum() {
        SplittableRandom r = new SplittableRandom(3);
        int clients = 5;
        int n = 1000;
        double[][] updates = new double[clients][n];
        long[] exact = new long[n];
        for (double[] u : updates) {
            for (int k = 0; k < n; k++) {
                u[k] = r.nextGaussian();
                exact[k] += Math.round(u[k] * (1 << F));      // independent fixed point: x·2^24, rounded
            }
        }
        SecureAggregation sa = new SecureAggregation(F, 99);
        List<long[]> received = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[] masked = sa.mask(c, clients, 7, updates[c]);
            int near = 0;
            for (int k = 0; k < n; k++) {
                near += Math.abs(masked[k] / (double) (1 << F) - updates[c][k]) < 1000 ? 1 : 0;
            }
            assertTrue(near <= 2, "client " + c + ": " + near + " of " + n + " masked coordinates within 1000 of the update");
            received.add(masked);
        }
        double[] sum = sa.sum(received);
        for (int k = 0; k < n; k++) {
            assertEquals(exact[k] / (double) (1 << F), sum[k], 0.0, "coordinate " + k);
        }
    }

    /** Masks of another round (or a missing client) do not cancel: the sum is then garbage, not the sum. */
    @Test
    void masksCancelOnlyWithinOneRoundAndAllParticipants() {
        SecureAggregation sa = new SecureAggregation(F, 99);
        double[] one = {1.0, 2.0};
        double[] partial = sa.sum(List.of(sa.mask(0, 3, 1, one), sa.mask(1, 3, 1, one)));
        assertTrue(Math.abs(partial[0] - 2.0) > 1000, "two of three clients: " + partial[0]);
        double[] mixed = sa.sum(List.of(sa.mask(0, 2, 1, one), sa.mask(1, 2, 2, one)));
        assertTrue(Math.abs(mixed[0] - 2.0) > 1000, "two rounds: " + mixed[0]);
        double[] right = sa.sum(List.of(sa.mask(0, 2, 1, one), sa.mask(1, 2, 1, one)));
        assertEquals(2.0, right[0], 0.0);
        assertEquals(4.0, right[1], 0.0);
    }

    @Test
    void badInputIsRefused() {
        SecureAggregation sa = new SecureAggregation(F, 1);
        var alone = assertThrows(IllegalArgumentException.class, () -> sa.mask(0, 1, 0, new double[] {1}));
        assertTrue(alone.getMessage().contains("at least 2 participants"), alone.getMessage());
        var big = assertThrows(IllegalArgumentException.class, () -> sa.mask(0, 2, 0, new double[] {0, 1e30}));
        assertTrue(big.getMessage().contains("coordinate 1"), big.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sa.mask(0, 2, 0, new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> new SecureAggregation(4, 1));
    }
}
