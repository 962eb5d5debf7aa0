package jgrad.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import jgrad.data.csv.Column;
import jgrad.data.csv.ColumnType;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;
import jgrad.random.PhiloxRandom;

/** Training-by-sampling: rare categories drawn by log-frequency, real rows that hold the drawn category. */
class ConditionalSamplerTest {

    /** Column g: 90 × a, 10 × b; column h: 50 × c, 50 × d (h alternates). */
    private static Table table() {
        StringBuilder csv = new StringBuilder("g,h\n");
        for (int r = 0; r < 100; r++) {
            csv.append(r < 90 ? "a" : "b").append(',').append(r % 2 == 0 ? "c" : "d").append('\n');
        }
        return Tables.of(Schema.of(Column.of("g", ColumnType.STRING), Column.of("h", ColumnType.STRING)), csv.toString());
    }

    @Test
    void trainingConditionsFavourRareCategoriesByLogFrequency() {
        Table t = table();
        ConditionalSampler s = new ConditionalSampler(TabularEncoding.fit(t, List.of(), List.of("g", "h")), t);
        assertEquals(4, s.width());
        int n = 40_000;
        ConditionalSampler.Conditions c = s.training(n, new PhiloxRandom(3));
        int b = 0;
        int g = 0;
        for (int i = 0; i < n; i++) {
            g += c.columns()[i] == 0 ? 1 : 0;
            b += c.columns()[i] == 0 && c.categories()[i] == 1 ? 1 : 0;
            double[] v = c.vectors()[i];
            assertEquals(1, v[0] + v[1] + v[2] + v[3]);
            assertEquals(1, v[(c.columns()[i] == 0 ? 0 : 2) + c.categories()[i]]);
        }
        // P(column g) = ½; P(b | g) = log 11 / (log 91 + log 11) = 0.3471…; binomial tolerances of 4 standard errors
        assertEquals(0.5, (double) g / n, 4 * Math.sqrt(0.25 / n));
        double p = Math.log(11) / (Math.log(91) + Math.log(11));
        assertEquals(p, (double) b / g, 4 * Math.sqrt(p * (1 - p) / g));
    }

    @Test
    void samplingConditionsKeepTheRealFrequencies() {
        Table t = table();
        ConditionalSampler s = new ConditionalSampler(TabularEncoding.fit(t, List.of(), List.of("g", "h")), t);
        ConditionalSampler.Conditions c = s.original(40_000, new PhiloxRandom(4));
        int g = 0;
        int b = 0;
        for (int i = 0; i < 40_000; i++) {
            g += c.columns()[i] == 0 ? 1 : 0;
            b += c.columns()[i] == 0 && c.categories()[i] == 1 ? 1 : 0;
        }
        assertEquals(0.1, (double) b / g, 4 * Math.sqrt(0.09 / g));
    }

    @Test
    void realRowsHoldTheirConditionsCategory() {
        Table t = table();
        TabularEncoding e = TabularEncoding.fit(t, List.of(), List.of("g", "h"));
        ConditionalSampler s = new ConditionalSampler(e, t);
        PhiloxRandom random = new PhiloxRandom(5);
        ConditionalSampler.Conditions c = s.training(500, random);
        int[] rows = s.realRows(c, random);
        int[][] ids = {e.categoryIds(t, 0), e.categoryIds(t, 1)};
        for (int i = 0; i < rows.length; i++) {
            assertEquals(c.categories()[i], ids[c.columns()[i]][rows[i]]);
        }
        ConditionalSampler.Conditions fixed = s.fixed(2, 1, 1);
        assertArrayEquals(new double[] {0, 0, 0, 1}, fixed.vectors()[1]);
    }
}
