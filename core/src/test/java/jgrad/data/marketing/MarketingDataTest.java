package jgrad.data.marketing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import jgrad.data.BadRows;
import jgrad.data.TestData;
import jgrad.data.csv.Table;
import jgrad.data.prep.StandardScaler;
import jgrad.data.prep.Vocabulary;
import jgrad.data.split.Split;
import jgrad.data.split.Splits;
import jgrad.metrics.EventFunnel;
import org.junit.jupiter.api.Test;

/** The marketing data sets of the shared data directory, with their documented counts; skipped when absent. */
class MarketingDataTest {

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }

    @Test
    void bankMarketingSemicolonsQuotesAndCrlf() {
        Path dir = TestData.require("bank-marketing");
        BadRows bad = BadRows.collect();
        Table full = MarketingData.bankMarketing(dir.resolve("bank-additional-full.csv"), bad);
        assertTrue(bad.isEmpty(), () -> bad.summary(5));
        assertEquals(41_188, full.rowCount());
        assertEquals(4_640, count(full.booleans("y")));
        Table subset = MarketingData.bankMarketing(dir.resolve("bank-additional.csv"), bad);
        assertEquals(4_119, subset.rowCount());
        assertEquals(451, count(subset.booleans("y")));
    }

    @Test
    void onlineShoppersWithScientificNotation() {
        Table t = MarketingData.onlineShoppers(
                TestData.require("online-shoppers-intention").resolve("online_shoppers_intention.csv"), BadRows.failFast());
        assertEquals(12_330, t.rowCount());
        assertEquals(1_908, count(t.booleans("Revenue")));
        assertEquals(11, Vocabulary.fit(t.strings("Month")).size()); // 10 months + out-of-vocabulary
    }

    @Test
    void hillstromFunnelPerTreatmentArm() {
        Table t = MarketingData.hillstrom(TestData.require("hillstrom-email")
                .resolve("Kevin_Hillstrom_MineThatData_E-MailAnalytics_DataMiningChallenge_2008.03.20.csv"),
                BadRows.failFast());
        assertEquals(64_000, t.rowCount());
        EventFunnel all = EventFunnel.ofFlags(t.booleans("visit"), t.booleans("conversion"));
        assertEquals(new EventFunnel(64_000, 9_394, 578), all);
        Map<String, EventFunnel> arms = EventFunnel.byGroup(t.strings("segment"), t.booleans("visit"),
                t.booleans("conversion"));
        assertEquals(21_307, arms.get("Mens E-Mail").impressions());
        assertEquals(21_387, arms.get("Womens E-Mail").impressions());
        assertEquals(21_306, arms.get("No E-Mail").impressions());
        assertTrue(arms.get("Mens E-Mail").ctr() > arms.get("No E-Mail").ctr(), "e-mail should lift visits");
    }

    @Test
    void criteoMissingFieldsAndTrainOnlyScaling() {
        Table t = MarketingData.criteo(TestData.require("deepctr-samples").resolve("criteo_sample.txt"),
                BadRows.failFast());
        assertEquals(200, t.rowCount());
        assertEquals(49, count(t.booleans("label")));
        assertTrue(t.missingCount("I1") > 0);
        Split<int[]> rows = Splits.random(t.rowCount(), 0.2, new SplittableRandom(1));
        double[] i2 = t.asDoubles("I2");
        StandardScaler scaler = StandardScaler.fit(t.select(rows.train()).asDoubles("I2"));
        double[] scaledTrain = scaler.transform(t.select(rows.train()).asDoubles("I2"));
        double mean = java.util.Arrays.stream(scaledTrain).filter(v -> !Double.isNaN(v)).average().orElseThrow();
        assertEquals(0, mean, 1e-9);
        assertEquals(i2.length, scaler.transform(i2).length);
    }
}
