package jgrad.privacy.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RdpAccountantTest {

    /** The check: N 60,000, batch 150, σ 1.3, 15 epochs (6,000 steps), δ 1e-5. */
    @Test
    void abadiMnistSettingGivesTheKnownEpsilonAtOrderNineteen() {
        RdpAccountant.Spent s = RdpAccountant.epsilon(150 / 60000.0, 1.3, 6000, 1e-5);
        assertEquals(0.72422340261, s.epsilon(), 1e-9);
        assertEquals(19, s.order());
    }

    /**
     * Every order of rdp_reference.csv, integer and fractional: the RDP of one step against mpmath's numerical
     * integration of the definition at 50 digits (rdp_reference.py), to 1e-9 relative.
     */
    @Test
    void rdpOfOneStepMatchesNumericalIntegration() throws IOException {
        List<String> lines;
        try (InputStream in = getClass().getResourceAsStream("/privacy/rdp_reference.csv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
        }
        assertEquals(32, lines.size());
        for (String line : lines) {
            String[] f = line.split(",");
            double q = Double.parseDouble(f[0]);
            double sigma = Double.parseDouble(f[1]);
            double alpha = Double.parseDouble(f[2]);
            double expected = Double.parseDouble(f[3]);
            double actual = SubsampledGaussian.rdp(q, sigma, alpha);
            assertEquals(expected, actual, 1e-9 * Math.abs(expected), line);
        }
    }

    @Test
    void fullBatchIsThePlainGaussianMechanism() {
        assertEquals(3 / (2 * 1.5 * 1.5), SubsampledGaussian.rdp(1, 1.5, 3), 1e-15);
        assertEquals(0, SubsampledGaussian.rdp(0, 1.5, 3));
    }

    @Test
    void stepsComposeByAddition() {
        RdpAccountant a = new RdpAccountant();
        a.step(0.01, 1.1, 400);
        a.step(0.01, 1.1, 600);
        assertEquals(RdpAccountant.epsilon(0.01, 1.1, 1000, 1e-5).epsilon(), a.spent(1e-5).epsilon(), 1e-12);
        assertEquals(1000, a.steps());
    }

    @Test
    void theInverseFindsTheNoiseThatReachesTheTarget() {
        double sigma = RdpAccountant.noiseMultiplier(0.72422340261, 150 / 60000.0, 6000, 1e-5);
        assertEquals(1.3, sigma, 1e-5);
        double forThree = RdpAccountant.noiseMultiplier(3, 0.004, 15000, 1e-5);
        assertTrue(RdpAccountant.epsilon(0.004, forThree, 15000, 1e-5).epsilon() <= 3);
        assertTrue(RdpAccountant.epsilon(0.004, forThree * 0.999, 15000, 1e-5).epsilon() > 3);
    }

    @Test
    void impossibleTargetsAndBadArgumentsAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> RdpAccountant.noiseMultiplier(0.01, 0.5, 1000, 1e-5));
        assertTrue(e.getMessage().contains("cannot be reached"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SubsampledGaussian.rdp(1.5, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> SubsampledGaussian.rdp(0.1, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> RdpAccountant.epsilon(0.1, 1, 10, 0));
    }
}
