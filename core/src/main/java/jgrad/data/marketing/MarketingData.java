package jgrad.data.marketing;

import static jgrad.data.csv.ColumnType.BOOLEAN;
import static jgrad.data.csv.ColumnType.DOUBLE;
import static jgrad.data.csv.ColumnType.INT;
import static jgrad.data.csv.ColumnType.STRING;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jgrad.data.BadRows;
import jgrad.data.csv.Column;
import jgrad.data.csv.CsvFormat;
import jgrad.data.csv.CsvReader;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;

/**
 * Declared schemas and formats of the public marketing data sets (see each folder's SOURCE.md for origin
 * and license), read with {@link CsvReader}. Column names are the files' own.
 */
public final class MarketingData {

    private MarketingData() {
    }

    /**
     * UCI Bank Marketing ({@code bank-additional*.csv}): {@code ;}-separated, quoted strings, CRLF.
     * Target {@code y} (yes/no). {@code "unknown"} is kept as a category; {@code duration} leaks the outcome.
     */
    public static Table bankMarketing(Path file, BadRows badRows) {
        return new CsvReader(BANK_FORMAT, bankMarketingSchema()).read(file, badRows);
    }

    /** The {@code ;}-separated, quoted dialect of the UCI Bank Marketing files. */
    public static final CsvFormat BANK_FORMAT = CsvFormat.csv().withSeparator(';');

    /** The columns of {@link #bankMarketing}, with their types and ranges. */
    public static Schema bankMarketingSchema() {
        return Schema.of(Column.of("age", INT).range(0, 150), Column.of("job", STRING),
                Column.of("marital", STRING), Column.of("education", STRING), Column.of("default", STRING),
                Column.of("housing", STRING), Column.of("loan", STRING), Column.of("contact", STRING),
                Column.of("month", STRING), Column.of("day_of_week", STRING), Column.of("duration", INT).range(0, 1e9),
                Column.of("campaign", INT).range(1, 1e9), Column.of("pdays", INT).range(0, 999),
                Column.of("previous", INT).range(0, 1e9), Column.of("poutcome", STRING),
                Column.of("emp.var.rate", DOUBLE), Column.of("cons.price.idx", DOUBLE),
                Column.of("cons.conf.idx", DOUBLE), Column.of("euribor3m", DOUBLE), Column.of("nr.employed", DOUBLE),
                Column.of("y", BOOLEAN));
    }

    /** UCI Online Shoppers Purchasing Intention: one session per row, target {@code Revenue} (TRUE/FALSE). */
    public static Table onlineShoppers(Path file, BadRows badRows) {
        Schema schema = Schema.of(Column.of("Administrative", INT), Column.of("Administrative_Duration", DOUBLE),
                Column.of("Informational", INT), Column.of("Informational_Duration", DOUBLE),
                Column.of("ProductRelated", INT), Column.of("ProductRelated_Duration", DOUBLE),
                Column.of("BounceRates", DOUBLE).range(0, 1), Column.of("ExitRates", DOUBLE).range(0, 1),
                Column.of("PageValues", DOUBLE), Column.of("SpecialDay", DOUBLE).range(0, 1), Column.of("Month", STRING),
                Column.of("OperatingSystems", INT), Column.of("Browser", INT), Column.of("Region", INT),
                Column.of("TrafficType", INT), Column.of("VisitorType", STRING), Column.of("Weekend", BOOLEAN),
                Column.of("Revenue", BOOLEAN));
        return new CsvReader(CsvFormat.csv(), schema).read(file, badRows);
    }

    /**
     * Hillstrom's MineThatData e-mail experiment (CRLF): treatment {@code segment} (Mens E-Mail, Womens E-Mail,
     * No E-Mail), outcomes {@code visit}, {@code conversion}, {@code spend}.
     */
    public static Table hillstrom(Path file, BadRows badRows) {
        Schema schema = Schema.of(Column.of("recency", INT).range(1, 12), Column.of("history_segment", STRING),
                Column.of("history", DOUBLE).range(0, Double.MAX_VALUE), Column.of("mens", BOOLEAN),
                Column.of("womens", BOOLEAN), Column.of("zip_code", STRING), Column.of("newbie", BOOLEAN),
                Column.of("channel", STRING), Column.of("segment", STRING), Column.of("visit", BOOLEAN),
                Column.of("conversion", BOOLEAN), Column.of("spend", DOUBLE).range(0, Double.MAX_VALUE));
        return new CsvReader(CsvFormat.csv(), schema).read(file, badRows);
    }

    /**
     * The Criteo display-advertising sample: {@code label}, 13 counts {@code I1…I13} and 26 hashed categories
     * {@code C1…C26}; an empty field is a missing value (NaN, null).
     */
    public static Table criteo(Path file, BadRows badRows) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.of("label", BOOLEAN));
        for (int i = 1; i <= 13; i++) {
            columns.add(Column.of("I" + i, DOUBLE));
        }
        for (int c = 1; c <= 26; c++) {
            columns.add(Column.of("C" + c, STRING));
        }
        return new CsvReader(CsvFormat.csv().withMissing(""), new Schema(columns)).read(file, badRows);
    }
}
