package jgrad.data.movielens;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jgrad.data.BadRows;
import jgrad.data.csv.Column;
import jgrad.data.csv.ColumnType;
import jgrad.data.csv.CsvFormat;
import jgrad.data.csv.CsvReader;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;

/**
 * The fixed evaluation candidates of the leave-one-out protocol (He et al. 2017): per user, the held-out
 * test item and the sampled items it is ranked against. File format: tab-separated
 * {@code user, test item, negative_1 … negative_N}, one user per line, ids as in the ratings.
 */
public record LeaveOneOutNegatives(int[] users, int[] testItems, int[][] negatives) {

    public LeaveOneOutNegatives {
        if (users.length != testItems.length || users.length != negatives.length) {
            throw new IllegalArgumentException("users, test items and negatives differ in length");
        }
    }

    public int size() {
        return users.length;
    }

    /** Reads a file with exactly {@code negativesPerUser} negatives on each line, ids in {@code [1, maxItem]}. */
    public static LeaveOneOutNegatives read(Path file, int negativesPerUser, int maxItem, BadRows badRows) {
        if (negativesPerUser < 1) {
            throw new IllegalArgumentException("negativesPerUser must be positive, got " + negativesPerUser);
        }
        List<Column> columns = new ArrayList<>();
        columns.add(Column.of("user", ColumnType.INT).range(1, Integer.MAX_VALUE));
        columns.add(Column.of("item", ColumnType.INT).range(1, maxItem));
        for (int k = 1; k <= negativesPerUser; k++) {
            columns.add(Column.of("negative" + k, ColumnType.INT).range(1, maxItem));
        }
        CsvFormat tab = new CsvFormat('\t', CsvFormat.NO_QUOTE, false, Set.of(), StandardCharsets.US_ASCII, false);
        Table t = new CsvReader(tab, new Schema(columns)).read(file, badRows);
        int[][] negatives = new int[t.rowCount()][negativesPerUser];
        for (int k = 0; k < negativesPerUser; k++) {
            int[] column = t.ints("negative" + (k + 1));
            for (int r = 0; r < column.length; r++) {
                negatives[r][k] = column[r];
            }
        }
        return new LeaveOneOutNegatives(t.ints("user"), t.ints("item"), negatives);
    }
}
