package jgrad.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

import jgrad.data.BadRows;
import jgrad.data.csv.Column;
import jgrad.data.csv.ColumnType;
import jgrad.data.csv.CsvFormat;
import jgrad.data.csv.CsvReader;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;
import jgrad.random.PhiloxRandom;

/** Segment profiles on a six-row table, every figure worked by hand; and the elbow curve on the blob fixture. */
class SegmentProfilesTest {

    private static Table clients() throws Exception {
        String csv = """
                age,job,region,bought
                20,student,north,true
                22,student,north,false
                24,admin,north,true
                50,admin,north,false
                52,retired,north,false
                54,retired,north,false
                """;
        Schema schema = Schema.of(Column.of("age", ColumnType.INT), Column.of("job", ColumnType.STRING),
                Column.of("region", ColumnType.STRING), Column.of("bought", ColumnType.BOOLEAN));
        return new CsvReader(CsvFormat.csv(), schema).read(new StringReader(csv), "clients", BadRows.failFast());
    }

    @Test
    void sizesOutcomeRatesAndTheFeaturesThatSetASegmentApart() throws Exception {
        int[] segments = {0, 0, 0, 1, 1, 1};
        List<SegmentProfile> p = SegmentProfiles.describe(clients(), List.of("age"), List.of("job", "region"), "bought",
                segments, null, 10);
        SegmentProfile young = p.get(0);
        assertEquals(3, young.size());
        assertEquals(0.5, young.share(), 0);
        assertEquals(2.0 / 3, young.outcomeRate(), 1e-15);
        assertEquals(0, p.get(1).outcomeRate(), 0);
        assertTrue(Double.isNaN(young.silhouette()));
        // age: mean 37, population sd √(Σ(x − 37)²/6) = √(1366/6); young mean 22
        SegmentProfile.Distinction age = find(young, "age");
        assertEquals(22, age.inSegment(), 1e-12);
        assertEquals(37, age.overall(), 1e-12);
        assertEquals((22 - 37) / Math.sqrt(1366.0 / 6), age.standardizedDifference(), 1e-12);
        // job=student: 2/3 in the segment, 1/3 overall → (2/3 − 1/3) / √(1/3 · 2/3)
        SegmentProfile.Distinction student = find(young, "job=student");
        assertTrue(student.categorical());
        assertEquals((1.0 / 3) / Math.sqrt(2.0 / 9), student.standardizedDifference(), 1e-12);
        // region is constant: it distinguishes nothing and is not listed; largest |difference| first
        assertTrue(young.distinctions().stream().noneMatch(d -> d.feature().startsWith("region")));
        assertEquals(List.of("age", "job=retired", "job=student", "job=admin"),    // −0.994, ∓0.707 (by name), 0
                young.distinctions().stream().map(SegmentProfile.Distinction::feature).toList());
        assertEquals(1, SegmentProfiles.describe(clients(), List.of("age"), List.of(), null, segments, null, 1)
                .get(0).distinctions().size());
    }

    @Test
    void theSilhouetteOfASegmentIsTheMeanOfItsSampledRows() throws Exception {
        double[][] x = {{20}, {22}, {24}, {50}, {52}, {54}};
        int[] segments = {0, 0, 0, 1, 1, 1};
        Silhouette.Sample s = Silhouette.sampled(x, segments, 6, new PhiloxRandom(1));
        List<SegmentProfile> p = SegmentProfiles.describe(clients(), List.of("age"), List.of(), null, segments, s, 3);
        double[] all = Silhouette.samples(x, segments);
        assertEquals((all[0] + all[1] + all[2]) / 3, p.get(0).silhouette(), 1e-15);
        assertTrue(Double.isNaN(p.get(0).outcomeRate()));
    }

    @Test
    void theElbowCurvePeaksInSilhouetteAtTheThreeBlobs() {
        double[][] x = SklearnFixture.points("blobs.csv");
        List<ElbowCurve.Point> curve = ElbowCurve.of(x, 2, 5, KMeans.of(2).restarts(3), 300, 7);
        assertEquals(4, curve.size());
        assertEquals(3, ElbowCurve.bestBySilhouette(curve).k());
        for (int i = 1; i < curve.size(); i++) {
            assertTrue(curve.get(i).clustering().inertia() < curve.get(i - 1).clustering().inertia());
        }
        assertEquals(ElbowCurve.fitOne(x, 4, KMeans.of(2).restarts(3), 300, 7).clustering().inertia(),
                curve.get(2).clustering().inertia(), 0);
    }

    private static SegmentProfile.Distinction find(SegmentProfile p, String feature) {
        return p.distinctions().stream().filter(d -> d.feature().equals(feature)).findFirst().orElseThrow();
    }
}
