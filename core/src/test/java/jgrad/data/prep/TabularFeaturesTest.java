package jgrad.data.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jgrad.data.csv.Column;
import jgrad.data.csv.ColumnType;
import jgrad.data.csv.CsvFormat;
import jgrad.data.csv.CsvReader;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;
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
}
