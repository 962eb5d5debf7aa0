package jgrad.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.StringReader;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jgrad.data.BadRows;
import jgrad.data.csv.Column;
import jgrad.data.csv.ColumnType;
import jgrad.data.csv.CsvFormat;
import jgrad.data.csv.CsvReader;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;
import jgrad.data.prep.TabularFeatures;

/** Feature rows decode back to the table's values; the out-of-vocabulary column decodes as missing. */
class FeatureRowsTest {

    @Test
    void rowsDecodeToTheirValuesAndTheLayoutFollowsTheColumns() throws Exception {
        Schema schema = Schema.of(Column.of("age", ColumnType.INT), Column.of("job", ColumnType.STRING),
                Column.of("city", ColumnType.STRING));
        Table t = new CsvReader(CsvFormat.csv(), schema).read(new StringReader("age,job,city\n20,cook,Oslo\n40,pilot,Oslo\n"
                + "60,cook,Rome\n"), "t", BadRows.failFast());
        TabularFeatures f = TabularFeatures.numeric("age").categorical("job", "city").fit(t);
        TabularLayout layout = FeatureRows.layoutOf(f);
        assertEquals(1, layout.numeric());
        assertArrayEquals(new int[] {3, 3}, layout.categoricalWidths());            // <oov> + 2 categories each
        float[] flat = f.transform(t);
        double[] row = new double[f.width()];
        for (int c = 0; c < row.length; c++) {
            row[c] = flat[row.length + c];                                            // the second row: 40, pilot, Oslo
        }
        Map<String, Object> decoded = FeatureRows.decode(f, row);
        assertEquals(40, (Double) decoded.get("age"), 1e-5);
        assertEquals("pilot", decoded.get("job"));
        assertEquals("Oslo", decoded.get("city"));
        row[1] = 1;                                                                   // <oov> of job now the hottest
        row[3] = 0;
        assertNull(FeatureRows.decode(f, row).get("job"));
    }

    @Test
    void sampledNumbersAreHeldToTheRangeAndWholenessTheirColumnHad() throws Exception {
        Schema schema = Schema.of(Column.of("age", ColumnType.INT), Column.of("rate", ColumnType.DOUBLE),
                Column.of("job", ColumnType.STRING));
        Table t = new CsvReader(CsvFormat.csv(), schema).read(new StringReader("age,rate,job\n20,0.5,cook\n41,1.25,pilot\n"
                + "60,4.75,cook\n"), "t", BadRows.failFast());
        TabularFeatures f = TabularFeatures.numeric("age", "rate").categorical("job").fit(t);
        float[] flat = f.transform(t);
        double[][] rows = new double[3][f.width()];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < f.width(); c++) {
                rows[r][c] = flat[r * f.width() + c];
            }
        }
        NumericRanges ranges = FeatureRows.rangesOf(f, rows);
        assertArrayEquals(new double[] {20, 0.5}, ranges.min(), 1e-5);
        assertArrayEquals(new double[] {60, 4.75}, ranges.max(), 1e-5);
        assertArrayEquals(new boolean[] {true, false}, ranges.whole());
        double[] sampled = rows[1].clone();
        sampled[0] += 0.013;                 // age 41 plus a little: rounds back to 41
        sampled[1] += 100;                   // far above the largest rate: held at 4.75
        Map<String, Object> decoded = FeatureRows.decode(f, sampled, ranges);
        assertEquals(41.0, (Double) decoded.get("age"), 0.0);
        assertEquals(4.75, (Double) decoded.get("rate"), 1e-5);
        sampled[0] -= 1000;                  // far below the youngest: held at 20
        assertEquals(20.0, (Double) FeatureRows.decode(f, sampled, ranges).get("age"), 0.0);
        assertEquals(true, (Double) FeatureRows.decode(f, sampled).get("age") < 0, "without ranges nothing is held");
    }

    @Test
    void wholeMeansWholeUpToFloatRoundingAtAnySize() {
        assertEquals(true, NumericRanges.isWhole(999 + 2e-4));     // a float feature decoded back: 999 ± rounding
        assertEquals(false, NumericRanges.isWhole(5228.1));        // bank's nr.employed: not whole, though large
        assertEquals(false, NumericRanges.isWhole(0.5));
    }
}
