package jgrad.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import jgrad.data.csv.Column;
import jgrad.data.csv.ColumnType;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;

/** Rows to encoded vectors and back, and the inputs the encoding refuses. */
class TabularEncodingTest {

    private static final Schema SCHEMA = Schema.of(Column.of("age", ColumnType.INT), Column.of("job", ColumnType.STRING),
            Column.of("rate", ColumnType.DOUBLE), Column.of("y", ColumnType.BOOLEAN));
    private static final Table TABLE = Tables.of(SCHEMA, "age,job,rate,y\n25,admin,1.1,yes\n40,\"blue, collar\",-1.8,no\n25,admin,4.9,no\n61,student,1.1,no\n");

    private static final List<String> NUMERIC = List.of("age", "rate");
    private static final List<String> CATEGORICAL = List.of("job", "y");

    @Test
    void decodingTheEncodedRowsGivesTheTableBack() {
        TabularEncoding e = TabularEncoding.fit(TABLE, NUMERIC, CATEGORICAL);
        Table back = e.decode(e.encode(TABLE), "back");
        assertEquals(TABLE.schema(), back.schema());
        assertEquals(CsvText.write(TABLE, ';'), CsvText.write(back, ';'));
    }

    @Test
    void spansFollowTheColumnsNumbersFirst() {
        TabularEncoding e = TabularEncoding.fit(TABLE, NUMERIC, CATEGORICAL);
        // age: α + 3 modes (25, 40, 61); rate: α + 3 modes (−1.8, 1.1, 4.9); job: 3 categories; y: 2
        assertEquals(List.of(new Span(Span.Kind.TANH, 0, 1), new Span(Span.Kind.SOFTMAX, 1, 3),
                new Span(Span.Kind.TANH, 4, 1), new Span(Span.Kind.SOFTMAX, 5, 3), new Span(Span.Kind.SOFTMAX, 8, 3),
                new Span(Span.Kind.SOFTMAX, 11, 2)), e.spans());
        assertEquals(13, e.width());
        assertArrayEquals(new int[] {0, 1, 0, 2}, e.categoryIds(TABLE, 0));
    }

    @Test
    void decodedNumbersComeFromTheLargestModeRoundedToTheColumnsDecimals() {
        TabularEncoding e = TabularEncoding.fit(TABLE, NUMERIC, CATEGORICAL);
        double[][] rows = e.encode(TABLE);
        rows[0][0] = 0.99;                   // age 25 + 4 σ_min · 0.99 with σ_min = 0.1: rounds back to 25
        rows[1][4] = 0.99;                   // rate: the mode of −1.8, α at its edge
        rows[1][5] = 0.2;
        rows[1][6] = 0.7;                    // …the mode of 1.1 now wins: 1.1 + 4 · 0.01 · 0.99 rounds to 1.1
        Table back = e.decode(rows, "back");
        assertEquals(25, back.ints("age")[0]);
        assertEquals(1.1, back.doubles("rate")[1], 0);
        assertEquals(0, TabularEncoding.decimals(new double[] {3, 999}));
        assertEquals(3, TabularEncoding.decimals(new double[] {93.994, 4.857}));
        assertEquals(-1, TabularEncoding.decimals(new double[] {Math.PI}));
    }

    @Test
    void aConstantColumnIsRefusedNamingIt() {
        Table t = Tables.of(Schema.of(Column.of("a", ColumnType.DOUBLE), Column.of("c", ColumnType.STRING)),
                "a,c\n1,x\n1,y\n");
        var e = assertThrows(IllegalArgumentException.class, () -> TabularEncoding.fit(t, List.of("a"), List.of("c")));
        assertEquals("test.csv: column 'a' is constant (every row is 1.0); there is nothing to learn: leave it out",
                e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> TabularEncoding.fit(t, List.of(), List.of("a")));
        assertEquals("test.csv: column 'a' is constant (every row is '1.0'); there is nothing to learn: leave it out",
                e2.getMessage());
    }

    @Test
    void aMissingNumberIsRefusedNamingColumnAndRow() {
        Table t = Tables.of(Schema.of(Column.of("a", ColumnType.DOUBLE)), "a\n1\n\n2\n");
        Table holed = Tables.of(Schema.of(Column.of("a", ColumnType.DOUBLE)), "a\n1\n\"\"\n2\n");
        var e = assertThrows(IllegalArgumentException.class, () -> TabularEncoding.fit(holed, List.of("a"), List.of()));
        assertEquals("test.csv: column 'a', row 2: a missing value (NaN); the synthesizer needs every numeric value:"
                + " impute or drop the row first", e.getMessage());
        assertEquals(2, t.rowCount());
    }

    @Test
    void tooFewRowsAndUnseenCategoriesAreRefused() {
        Table one = Tables.of(SCHEMA, "age,job,rate,y\n25,admin,1.1,yes\n");
        var e = assertThrows(IllegalArgumentException.class, () -> TabularEncoding.fit(one, NUMERIC, CATEGORICAL));
        assertEquals("test.csv: holds 1 rows; a synthesizer needs at least 2", e.getMessage());
        TabularEncoding enc = TabularEncoding.fit(TABLE, NUMERIC, CATEGORICAL);
        Table other = Tables.of(SCHEMA, "age,job,rate,y\n25,pilot,1.1,yes\n");
        var e2 = assertThrows(IllegalArgumentException.class, () -> enc.encode(other));
        assertEquals("test.csv: column 'job', row 1: category 'pilot' was not seen in training (known: [admin,"
                + " blue, collar, student])", e2.getMessage());
    }
}
