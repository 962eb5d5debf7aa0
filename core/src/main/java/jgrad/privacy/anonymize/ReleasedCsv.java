package jgrad.privacy.anonymize;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jgrad.data.csv.Table;

/**
 * Writes a release as RFC 4180 CSV (comma, double quotes where needed): the kept rows only; the
 * quasi-identifiers at their generalized values; direct identifiers removed; pseudonymized columns
 * replaced by their keyed tokens; every other column as read (a missing value is an empty field).
 */
public final class ReleasedCsv {

    private ReleasedCsv() {
    }

    /**
     * @param removed       direct identifiers: columns left out of the release
     * @param pseudonymized columns whose values are replaced by {@link Pseudonymizer#token}
     */
    public static void write(Table table, Release release, Set<String> removed, Map<String, Pseudonymizer> pseudonymized,
                             OutputStream out) throws IOException {
        for (String c : removed) {
            table.schema().indexOf(c);      // an unknown column is an error naming it
        }
        for (String c : pseudonymized.keySet()) {
            table.schema().indexOf(c);
        }
        List<String> columns = new ArrayList<>();
        for (String c : table.columnNames()) {
            if (!removed.contains(c)) {
                columns.add(c);
            }
        }
        List<String> quasiNames = release.quasi().stream().map(QuasiIdentifier::name).toList();
        StringBuilder sb = new StringBuilder();
        appendRow(sb, columns);
        List<String> row = new ArrayList<>(columns.size());
        for (int r = 0; r < table.rowCount(); r++) {
            if (!release.kept()[r]) {
                continue;
            }
            row.clear();
            for (String c : columns) {
                int q = quasiNames.indexOf(c);
                String v = q >= 0 ? release.released()[q][r] : table.text(c, r);
                Pseudonymizer p = pseudonymized.get(c);
                row.add(v == null ? "" : p != null ? p.token(v) : v);
            }
            appendRow(sb, row);
            if (sb.length() > 1 << 16) {
                out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                sb.setLength(0);
            }
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void appendRow(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = fields.get(i);
            boolean quote = f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0;
            sb.append(quote ? '"' + f.replace("\"", "\"\"") + '"' : f);
        }
        sb.append('\n');
    }
}
