package jgrad.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import jgrad.data.csv.Column;
import jgrad.data.csv.ColumnType;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;

/** The quality report, DCR and TSTR on tables small enough to score by hand. */
class QualityReportTest {

    private static final Schema SCHEMA = Schema.of(Column.of("x", ColumnType.DOUBLE), Column.of("y", ColumnType.DOUBLE),
            Column.of("c", ColumnType.STRING));
    private static final Table REAL = Tables.of(SCHEMA, "x,y,c\n1,2,a\n2,4,a\n3,6,b\n4,8,b\n");
    private static final Table SYNTHETIC = Tables.of(SCHEMA, "x,y,c\n1,-1,a\n2,-2,b\n3,-3,b\n5,-5,b\n");

    @Test
    void scoresEveryColumnAndPairAsComputedByHand() {
        QualityReport q = QualityReport.of(REAL, SYNTHETIC, List.of("x", "y"), List.of("c"));
        // shapes: x 1 − KS 0.25 (F differs by ¼ at 4); y 1 − 1 (disjoint); c 1 − TVD ¼
        assertArrayEquals(new double[] {0.75, 0, 0.75}, q.shapes().stream().mapToDouble(QualityReport.Score::score).toArray(), 1e-12);
        // trends: (x, y) r = 1 against −1: 1 − 2/2 = 0; (x, c) bins of x over [1, 4] (width 0.3): real
        // (a,0) (a,3) (b,6) (b,9), synthetic (a,0) (b,3) (b,6) (b,9): TVD ¼; (y, c): synthetic y below the real range
        // falls in bin 0: (a,0) (b,0)×3 against (a,0) (a,3) (b,6) (b,9): TVD ¾
        assertArrayEquals(new double[] {0, 0.75, 0.25}, q.trends().stream().mapToDouble(QualityReport.Score::score).toArray(), 1e-12);
        assertEquals(List.of("correlation", "contingency", "contingency"), q.trends().stream().map(QualityReport.Score::metric).toList());
        assertEquals(0.5, q.columnShapes(), 1e-12);
        assertEquals(1.0 / 3, q.pairTrends(), 1e-12);
        assertEquals((0.5 + 1.0 / 3) / 2, q.overall(), 1e-12);
    }

    @Test
    void identicalTablesScoreOne() {
        QualityReport q = QualityReport.of(REAL, REAL, List.of("x", "y"), List.of("c"));
        assertEquals(1, q.overall(), 1e-12);
    }

    @Test
    void aConstantSyntheticColumnLeavesItsCorrelationsOutAndCountsThem() {
        Table flat = Tables.of(SCHEMA, "x,y,c\n1,3,a\n2,3,a\n3,3,b\n4,3,b\n");
        QualityReport q = QualityReport.of(REAL, flat, List.of("x", "y"), List.of("c"));
        assertEquals(1, q.undefinedPairs());
        assertEquals(2, q.trends().size());
    }

    @Test
    void closestRecordDistancesAreGowerDistancesByHand() {
        Schema s = Schema.of(Column.of("x", ColumnType.DOUBLE), Column.of("c", ColumnType.STRING));
        Table train = Tables.of(s, "x,c\n0,a\n10,b\n");
        Table rows = Tables.of(s, "x,c\n5,a\n0,a\n10,a\n");
        ClosestRecords dcr = new ClosestRecords(train, List.of("x"), List.of("c"));
        // (5, a): to (0, a) (0.5 + 0) / 2; (0, a) copies the first row; (10, a): ½ to either row
        assertArrayEquals(new double[] {0.25, 0, 0.5}, dcr.distances(rows), 1e-12);
        ClosestRecords.Summary summary = dcr.summarize(rows);
        assertEquals(1, summary.copies());
        assertEquals(0.25, summary.median(), 1e-12);
        assertEquals(0.025, summary.percentile5(), 1e-12);
    }

    @Test
    void tstrScoresBothClassifiersOnTheHeldOutRows() {
        Schema s = Schema.of(Column.of("x", ColumnType.DOUBLE), Column.of("y", ColumnType.BOOLEAN));
        Table train = Tables.of(s, "x,y\n1,no\n2,yes\n");
        Table synthetic = Tables.of(s, "x,y\n1,yes\n2,no\n");
        Table test = Tables.of(s, "x,y\n0,no\n1,no\n3,yes\n4,yes\n");
        // a "classifier" that scores x when its training rows rise with x, −x otherwise
        TrainOnSynthetic.Utility u = TrainOnSynthetic.compare(train, synthetic, test, "y", (fit, scored) -> {
            double sign = fit.booleans("y")[1] ? 1 : -1;
            return java.util.Arrays.stream(scored.doubles("x")).map(v -> sign * v).toArray();
        });
        assertEquals(1, u.realAuc(), 1e-12);
        assertEquals(0, u.syntheticAuc(), 1e-12);
        assertEquals(0, u.ratio(), 1e-12);
    }

    @Test
    void independentColumnsKeepEachColumnsValuesAndLoseTheirDependence() {
        StringBuilder csv = new StringBuilder("x,y,c\n");
        for (int r = 0; r < 200; r++) {
            csv.append(r % 2).append(',').append(r % 2).append(',').append(r % 2 == 0 ? "a" : "b").append('\n');
        }
        Table train = Tables.of(SCHEMA, csv.toString());
        Table sample = IndependentColumns.sample(train, 4000, new jgrad.random.PhiloxRandom(2));
        QualityReport q = QualityReport.of(train, sample, List.of("x", "y"), List.of("c"));
        // marginals: Bernoulli(½) each, so shapes within sampling error of 1; x = y = [c = b] in every real row but
        // independent in the sample: r ≈ 0 against 1 (score ≈ ½), contingency TVD ≈ ½
        assertEquals(1, q.columnShapes(), 0.05);
        assertEquals(0.5, q.pairTrends(), 0.05);
        assertEquals(SCHEMA, sample.schema());
    }

    @Test
    void missingValuesAreRefusedNamingColumnAndRow() {
        Table holed = Tables.of(SCHEMA, "x,y,c\n1,2,a\n,4,a\n");
        var e = assertThrows(IllegalArgumentException.class,
                () -> QualityReport.of(REAL, holed, List.of("x", "y"), List.of("c")));
        assertTrue(e.getMessage().contains("column 'x', row 2: a missing value (NaN)"), e.getMessage());
    }
}
