package jgrad.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import jgrad.backend.DType;
import jgrad.data.csv.Column;
import jgrad.data.csv.ColumnType;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;
import jgrad.random.PhiloxRandom;

/** CTGAN end to end on a small table whose columns depend on each other. */
class CtganTest {

    private static final Ctgan.Options SMALL = new Ctgan.Options(60, 40, 8, 32, 4, 2e-3, 10, 0.2, 7);

    /** 200 rows: kind p (70 %) has v ≈ 10 and y = yes; kind q has v ≈ −10 and y = no. */
    private static Table table() {
        PhiloxRandom r = new PhiloxRandom(11);
        StringBuilder csv = new StringBuilder("v,kind,y\n");
        for (int i = 0; i < 200; i++) {
            boolean p = i % 10 < 7;
            csv.append(String.format(java.util.Locale.ROOT, "%.2f", (p ? 10 : -10) + r.nextGaussian()))
                    .append(p ? ",p,yes\n" : ",q,no\n");
        }
        return Tables.of(Schema.of(Column.of("v", ColumnType.DOUBLE), Column.of("kind", ColumnType.STRING),
                Column.of("y", ColumnType.BOOLEAN)), csv.toString());
    }

    @Test
    void learnsTheColumnsAndTheirDependence() {
        Table t = table();
        Ctgan gan = Ctgan.create(t, List.of("v"), List.of("kind", "y"), SMALL, DType.F32);
        List<Ctgan.EpochLoss> losses = gan.fit(t, l -> { });
        assertEquals(60, losses.size());
        Table synthetic = gan.sample(400, 1);
        QualityReport q = QualityReport.of(t, synthetic, List.of("v"), List.of("kind", "y"));
        assertTrue(q.overall() > 0.8, "overall quality " + q.overall());
        String[] kind = synthetic.strings("kind");
        boolean[] y = synthetic.booleans("y");
        double[] v = synthetic.doubles("v");
        int agree = 0;
        for (int i = 0; i < kind.length; i++) {
            agree += kind[i].equals("p") == y[i] && kind[i].equals("p") == v[i] > 0 ? 1 : 0;
        }
        assertTrue(agree > 0.85 * kind.length, agree + " of " + kind.length + " rows keep kind, y and v's sign together");
    }

    @Test
    void theSameSeedGivesTheSameLossesAndRows() {
        Table t = table();
        String[] runs = new String[2];
        for (int run = 0; run < 2; run++) {
            Ctgan gan = Ctgan.create(t, List.of("v"), List.of("kind", "y"), SMALL.withEpochs(3), DType.F32);
            runs[run] = gan.fit(t, l -> { }) + CsvText.write(gan.sample(50, 1), ',');
        }
        assertEquals(runs[0], runs[1]);
        Ctgan other = Ctgan.create(t, List.of("v"), List.of("kind", "y"), SMALL.withEpochs(3).withSeed(8), DType.F32);
        assertNotEquals(runs[0], other.fit(t, l -> { }) + CsvText.write(other.sample(50, 1), ','));
    }

    @Test
    void conditionalSamplingHoldsTheCategoryAndRefusesOneNeverSeen() {
        Table t = table();
        Ctgan gan = Ctgan.create(t, List.of("v"), List.of("kind", "y"), SMALL.withEpochs(20), DType.F32);
        gan.fit(t, l -> { });
        String[] kind = gan.sample(100, 2, "kind", "q").strings("kind");
        long q = java.util.Arrays.stream(kind).filter("q"::equals).count();
        assertTrue(q > 80, q + " of 100 rows conditioned on kind = q hold it");
        var e = assertThrows(IllegalArgumentException.class, () -> gan.sample(10, 2, "kind", "r"));
        assertEquals("column 'kind': category 'r' was not seen in training (known: [p, q])", e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> gan.sample(10, 2, "v", "1"));
        assertEquals("'v' is not a categorical column of the synthesizer", e2.getMessage());
    }
}
