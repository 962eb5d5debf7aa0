package jgrad.data.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jgrad.data.csv.Column;
import jgrad.data.csv.ColumnType;
import jgrad.data.csv.CsvFormat;
import jgrad.data.csv.CsvReader;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;
import jgrad.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularFeaturesTest {

    private static final Schema SCHEMA = Schema.of(Column.of("num", ColumnType.DOUBLE),
            Column.of("cat", ColumnType.STRING), Column.of("code", ColumnType.INT));

    @TempDir
    Path dir;

    private Table read(String name, String rows) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "num,cat,code\n" + rows);
        return new CsvReader(CsvFormat.csv().withMissing(""), SCHEMA).read(file);
    }

    @Test
    void fitsOnTrainingRowsAndEncodesTestRowsWithTheSameStatistics() throws IOException {
        Table train = read("train.csv", "1,a,7\n3,b,7\n,a,9\n");
        TabularFeatures features = TabularFeatures.numeric("num").categorical("cat", "code").fit(train);
        assertEquals(List.of("num", "cat=<oov>", "cat=a", "cat=b", "code=<oov>", "code=7", "code=9"),
                features.featureNames());
        assertEquals(7, features.width());
        // median of 1 and 3 fills the gap: 1, 3, 2 → mean 2, population std sqrt(2/3)
        float z = (float) (1 / Math.sqrt(2.0 / 3));
        assertArrayEquals(new float[] {
            -z, 0, 1, 0, 0, 1, 0,
            z, 0, 0, 1, 0, 1, 0,
            0, 0, 1, 0, 0, 0, 1}, features.transform(train), 1e-6f);
        Table test = read("test.csv", "5,z,8\n");
        assertArrayEquals(new float[] {3 * z, 1, 0, 0, 1, 0, 0}, features.transform(test), 1e-6f);
    }

    @Test
    void aDescriptionThroughJsonRebuildsTheSameFeatures() throws IOException {
        Table train = read("train.csv", "1.1,a,7\n3.7,b,7\n,a,9\n0.3,c,9\n");
        TabularFeatures fitted = TabularFeatures.numeric("num").categorical("cat", "code").fit(train);
        List<?> saved = (List<?>) Json.parse(Json.write(fitted.describe()));
        TabularFeatures rebuilt = TabularFeatures.fromDescription(saved);
        Table test = read("test.csv", "5,z,8\n,b,9\n-2.5,a,7\n");
        assertEquals(fitted.featureNames(), rebuilt.featureNames());
        assertArrayEquals(fitted.transform(test), rebuilt.transform(test), "bit for bit");
        Map<?, ?> num = (Map<?, ?>) saved.get(0);
        assertEquals(1.1, num.get("fill"), "the median of 1.1, 3.7 and 0.3 fills the gap");
        assertEquals((1.1 + 3.7 + 1.1 + 0.3) / 4, (Double) num.get("mean"), 1e-15, "the mean of the filled column");
    }

    @Test
    void aMalformedDescriptionNamesTheFeatureAndTheKey() {
        List<Object> description = List.of(
                Map.of("column", "num", "kind", "numeric", "fill", 1.0, "mean", 0.0, "std", 2.0),
                Map.of("column", "cat", "kind", "categorical", "categories", List.of("a", 3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TabularFeatures.fromDescription(description));
        assertTrue(e.getMessage().contains("feature 2 of 2") && e.getMessage().contains("'categories'")
                && e.getMessage().contains("a list of strings"), e.getMessage());
        IllegalArgumentException zeroStd = assertThrows(IllegalArgumentException.class,
                () -> TabularFeatures.fromDescription(List.of(
                        Map.of("column", "num", "kind", "numeric", "fill", 1.0, "mean", 0.0, "std", 0.0))));
        assertTrue(zeroStd.getMessage().contains("σ > 0"), zeroStd.getMessage());
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> TabularFeatures.fromDescription(List.of(Map.of("column", "x", "kind", "ordinal"))));
        assertTrue(kind.getMessage().contains("feature 1 of 1 (x): kind must be numeric or categorical, got 'ordinal'"),
                kind.getMessage());
    }
}
