package jgrad.bandit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import jgrad.data.BadRows;
import jgrad.data.csv.Table;
import jgrad.data.marketing.MarketingData;

/** The bank simulator's calibration: each arm's response model reproduces the rate of the calls made that way. */
class BankSimulatorTest {

    @Test
    void eachArmReproducesTheSubscriptionRateOfItsCalls() {
        Path file = Path.of("..", "..", "shared", "data", "bank-marketing", "bank-additional-full.csv");
        Assumptions.assumeTrue(Files.isRegularFile(file), "bank marketing data not at " + file);
        Table table = MarketingData.bankMarketing(file, BadRows.failFast());
        BankSimulator sim = BankSimulator.fit(table);
        assertEquals(10, sim.arms());
        assertEquals(15, sim.dimension());
        double[][] x = BankSimulator.contexts(table);
        String[] contact = table.strings("contact");
        String[] day = table.strings("day_of_week");
        boolean[] y = table.booleans("y");
        for (int a = 0; a < sim.arms(); a++) {
            double predicted = 0;
            double observed = 0;
            int n = 0;
            for (int r = 0; r < x.length; r++) {
                if (BankSimulator.ARMS.get(a).equals(contact[r] + " " + day[r])) {
                    predicted += sim.expectedRewards(x[r])[a];
                    observed += y[r] ? 1 : 0;
                    n++;
                }
            }
            // a logistic fit with an intercept matches its data's mean; the ridge (λ = 1) moves it by far less than 0.005
            assertEquals(observed / n, predicted / n, 0.005, BankSimulator.ARMS.get(a) + " (" + n + " calls)");
        }
    }
}
