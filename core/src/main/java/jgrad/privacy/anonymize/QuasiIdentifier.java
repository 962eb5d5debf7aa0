package jgrad.privacy.anonymize;

/**
 * A quasi-identifier column: its name, its value in every row (as text), and how it may be generalized.
 * Values are not copied: the caller must not change the array while anonymizing.
 */
public record QuasiIdentifier(String name, String[] values, Hierarchy hierarchy) {

    /** A table's column as a quasi-identifier: its values as text (a missing value is the empty text). */
    public static QuasiIdentifier of(jgrad.data.csv.Table table, String column, Hierarchy hierarchy) {
        return new QuasiIdentifier(column, texts(table, column), hierarchy);
    }

    /** A table's column as text, one value per row; a missing value is the empty text. */
    public static String[] texts(jgrad.data.csv.Table table, String column) {
        String[] out = new String[table.rowCount()];
        for (int r = 0; r < out.length; r++) {
            String v = table.text(column, r);
            out[r] = v == null ? "" : v;
        }
        return out;
    }

    /** Every row's value at {@code level}; each distinct value is generalized once. */
    String[] at(int level) {
        java.util.Map<String, String> memo = new java.util.HashMap<>();
        String[] out = new String[values.length];
        for (int r = 0; r < values.length; r++) {
            out[r] = memo.computeIfAbsent(values[r], v -> hierarchy.generalize(v, level));
        }
        return out;
    }
}
