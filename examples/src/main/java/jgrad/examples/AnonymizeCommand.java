package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jgrad.data.csv.Table;
import jgrad.io.AtomicFiles;
import jgrad.privacy.anonymize.BankHierarchies;
import jgrad.privacy.anonymize.EquivalenceClasses;
import jgrad.privacy.anonymize.Hierarchy;
import jgrad.privacy.anonymize.KAnonymizer;
import jgrad.privacy.anonymize.Pseudonymizer;
import jgrad.privacy.anonymize.QuasiIdentifier;
import jgrad.privacy.anonymize.Release;
import jgrad.privacy.anonymize.ReleasedCsv;

/**
 * {@code ./jgrad anonymize --data CSV --schema bank --quasi A,B --sensitive S --k K [--l L] [--max-suppressed PCT]
 * [--remove COLS] [--pseudonymize COL --key-file FILE] --out CSV}: a k-anonymous (and l-diverse) release of a
 * table, by {@link KAnonymizer}; prints what was generalized and suppressed, the k and l reached and the
 * smallest classes. Keys and raw identifiers are never printed.
 */
final class AnonymizeCommand implements Command {

    private static final List<String> OPTIONS = List.of("--data", "--schema", "--quasi", "--sensitive", "--k", "--l",
            "--max-suppressed", "--remove", "--pseudonymize", "--key-file", "--out");

    @Override public String name() { return "anonymize"; }
    @Override public String usage() {
        return "--data CSV --schema bank --quasi COLS --sensitive COL --k K [--l L] [--max-suppressed PCT]"
                + " [--remove COLS] [--pseudonymize COL --key-file FILE] --out CSV";
    }
    @Override public String summary() { return "a k-anonymous, l-diverse release of a table (generalization, suppression)"; }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        Map<String, String> o = OptionPairs.parse(args, OPTIONS);
        for (String required : List.of("--data", "--schema", "--quasi", "--k", "--out")) {
            if (!o.containsKey(required)) {
                throw new UsageException("needs " + required);
            }
        }
        if (!o.get("--schema").equals("bank")) {
            throw new UsageException("--schema: unknown schema '" + o.get("--schema") + "'; known: bank");
        }
        if (o.containsKey("--pseudonymize") != o.containsKey("--key-file")) {
            throw new UsageException("--pseudonymize COL and --key-file FILE go together");
        }
        int k = Main.positiveInt("--k", o.get("--k"));
        int l = o.containsKey("--l") ? Main.positiveInt("--l", o.get("--l")) : 1;
        double maxSuppressed = percent(o.getOrDefault("--max-suppressed", "5"));
        Path outFile = ExampleOptions.path("--out", o.get("--out"));
        Pseudonymizer keyed = o.containsKey("--key-file")
                ? Pseudonymizer.fromKeyFile(ExampleOptions.path("--key-file", o.get("--key-file"))) : null;
        Table table = BankClients.load(ExampleOptions.path("--data", o.get("--data")));
        Map<String, Hierarchy> hierarchies = BankHierarchies.all();
        List<QuasiIdentifier> quasi = new ArrayList<>();
        for (String c : columns("--quasi", o.get("--quasi"))) {
            if (!hierarchies.containsKey(c)) {
                throw new UsageException("--quasi: column '" + c + "' has no generalization hierarchy in schema bank;"
                        + " these do: " + hierarchies.keySet());
            }
            quasi.add(QuasiIdentifier.of(table, c, hierarchies.get(c)));
        }
        String sensitiveName = o.get("--sensitive");
        String[] sensitive = sensitiveName == null ? null : QuasiIdentifier.texts(table, checked(table, sensitiveName));
        Set<String> removed = new LinkedHashSet<>(o.containsKey("--remove") ? columns("--remove", o.get("--remove")) : List.of());
        removed.forEach(c -> checked(table, c));
        Map<String, Pseudonymizer> pseudonymized = keyed == null ? Map.of() : Map.of(checked(table, o.get("--pseudonymize")), keyed);
        Release release = new KAnonymizer(k, l, maxSuppressed).anonymize(quasi, sensitive);
        AtomicFiles.write(outFile, stream -> ReleasedCsv.write(table, release, removed, pseudonymized, stream));
        report(out, o, table, release, removed, pseudonymized.keySet());
        return ExitCodes.OK;
    }

    private static void report(PrintStream out, Map<String, String> o, Table table, Release release, Set<String> removed,
                               Set<String> pseudonymized) {
        int rows = release.rows();
        out.printf(Locale.ROOT, "%s: %d rows; quasi-identifiers %s%s%n", o.get("--data"), rows, o.get("--quasi"),
                o.containsKey("--sensitive") ? ", sensitive " + o.get("--sensitive") : "");
        for (int c = 0; c < release.quasi().size(); c++) {
            QuasiIdentifier q = release.quasi().get(c);
            out.printf(Locale.ROOT, "  %-10s level %d of %d: %s%n", q.name(), release.levels()[c],
                    q.hierarchy().levels() - 1, q.hierarchy().describe(release.levels()[c]));
        }
        if (!removed.isEmpty()) {
            out.println("  removed (direct identifiers): " + removed);
        }
        if (!pseudonymized.isEmpty()) {
            out.println("  pseudonymized with HMAC-SHA-256 under the key file: " + pseudonymized);
        }
        int suppressed = release.suppressed();
        out.printf(Locale.ROOT, "suppressed %d rows (%.2f %%), kept %d (%.2f %%)%n", suppressed, 100.0 * suppressed / rows,
                rows - suppressed, 100.0 * (rows - suppressed) / rows);
        out.printf(Locale.ROOT, "reached k = %d, l = %d (distinct %s values per class); %d equivalence classes;"
                + " discernibility %d%n", release.k(), release.l(), o.getOrDefault("--sensitive", "sensitive"),
                release.classes().classes().size(), release.lossMetric());
        out.println("smallest classes:");
        for (EquivalenceClasses.EquivalenceClass e : release.classes().smallest(5)) {
            out.printf(Locale.ROOT, "  %4d rows, l %d: %s%n", e.size(), e.distinctSensitive(), e.values());
        }
        out.println("wrote " + o.get("--out"));
    }

    private static List<String> columns(String option, String value) {
        List<String> names = new ArrayList<>();
        for (String c : value.split(",", -1)) {
            if (c.isBlank() || names.contains(c.strip())) {
                throw new UsageException(option + ": '" + value + "' must be distinct column names separated by commas");
            }
            names.add(c.strip());
        }
        return names;
    }

    private static String checked(Table table, String column) {
        if (!table.columnNames().contains(column)) {
            throw new UsageException("no column '" + column + "' in " + table.source() + " (it has "
                    + table.columnNames() + ")");
        }
        return column;
    }

    private static double percent(String text) {
        try {
            double p = Double.parseDouble(text);
            if (p >= 0 && p < 100) {
                return p / 100;
            }
        } catch (NumberFormatException ignored) {
            // explained below
        }
        throw new UsageException("--max-suppressed must be a percentage in [0, 100), got '" + text + "'");
    }
}
