package jgrad.data.prep;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import jgrad.data.csv.Table;

/** Finds the rows to keep when dropping duplicates: the first occurrence of each key, in the original order. */
public final class Duplicates {

    private Duplicates() {
    }

    /** Rows of {@code table} whose values in {@code keyColumns} (all columns when none given) were not seen before. */
    public static int[] firstOccurrences(Table table, String... keyColumns) {
        List<String> columns = keyColumns.length == 0 ? table.columnNames() : List.of(keyColumns);
        Set<List<String>> seen = new HashSet<>();
        return IntStream.range(0, table.rowCount()).filter(r -> {
            String[] key = new String[columns.size()];
            for (int c = 0; c < key.length; c++) {
                key[c] = table.text(columns.get(c), r);
            }
            return seen.add(Arrays.asList(key));
        }).toArray();
    }

    /** The table without repeated rows (by all columns, or by {@code keyColumns}). */
    public static Table drop(Table table, String... keyColumns) {
        return table.select(firstOccurrences(table, keyColumns));
    }

    /** Rows whose (a, b) pair, e.g. (user, item), was not seen before. */
    public static int[] firstOccurrences(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("key columns differ in length");
        }
        Set<Long> seen = new HashSet<>();
        return IntStream.range(0, a.length).filter(r -> seen.add((long) a[r] << 32 | (b[r] & 0xFFFFFFFFL))).toArray();
    }
}
