package jgrad.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import jgrad.backend.Device;
import jgrad.data.BadRows;
import jgrad.data.csv.Table;
import jgrad.data.marketing.MarketingData;

/**
 * The campaign on 6,000 of Hillstrom's customers (read from ../shared/data: the file has no license that lets the
 * project ship it). The policy values are checked against counts taken from the table directly.
 */
class OfferCampaignTest {

    @Test
    void valuesThePoliciesFromTheHeldOutArms() {
        Path file = Path.of("..", "..", "shared", "data", "hillstrom-email",
                "Kevin_Hillstrom_MineThatData_E-MailAnalytics_DataMiningChallenge_2008.03.20.csv");
        Assumptions.assumeTrue(Files.isRegularFile(file), "Hillstrom data not at " + file);
        Table all = MarketingData.hillstrom(file, BadRows.failFast());
        Table customers = all.select(IntStream.range(0, 6_000).toArray());
        OfferCampaign.Settings s = new OfferCampaign.Settings(0.3, 0.5, 3, "visit", 5, Device.CPU);
        OfferCampaign.Result r = OfferCampaign.run(customers, s, line -> { });

        assertEquals(3_000, r.heldOutCustomers());
        assertEquals(900, r.mailed()[1] + r.mailed()[2], "⌈0.3 · 3000⌉ e-mails: every predicted visit uplift is > 0");
        // the held-out rows again, by the same seeded split, counted straight from the table
        Table heldOut = customers.select(jgrad.data.split.Splits.random(6_000, 0.5,
                new java.util.SplittableRandom(5)).test());
        String[] arm = heldOut.strings("segment");
        boolean[] visit = heldOut.booleans("visit");
        double controlVisits = 0;
        double mailedVisits = 0;
        for (int i = 0; i < arm.length; i++) {
            if (visit[i]) {
                controlVisits += arm[i].equals("No E-Mail") ? 1 : 0;
                mailedVisits += arm[i].equals("No E-Mail") ? 0 : 1;
            }
        }
        // no e-mail: 3·(visits of the control arm)/n; everyone at random: 3·½·(visits of the mailed arms)/n
        assertEquals(3 * controlVisits / 3_000, value(r, "no e-mail"), 1e-12);
        assertEquals(1.5 * mailedVisits / 3_000, value(r, "e-mail everyone, e-mail at random"), 1e-12);
        assertEquals(5, r.qini().get("Mens E-Mail").size(), "three learners, the network and the random ranking");
        assertTrue(r.qini().get("Mens E-Mail").containsKey("neural two-head"));
    }

    private static double value(OfferCampaign.Result r, String policy) {
        return r.policies().stream().filter(p -> p.policy().equals(policy)).findFirst().orElseThrow().value().value();
    }
}
