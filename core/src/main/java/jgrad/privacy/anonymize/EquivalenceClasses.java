package jgrad.privacy.anonymize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The equivalence classes of a table: rows with the same (generalized) quasi-identifier values. A table is
 * k-anonymous when every class has at least k rows (Sweeney 2002), and distinct-l-diverse in a sensitive
 * attribute when every class holds at least l distinct values of it (Machanavajjhala et al. 2007).
 */
public final class EquivalenceClasses {

    /** One class: its quasi-identifier values, its size and how many distinct sensitive values it holds. */
    public record EquivalenceClass(List<String> values, int size, int distinctSensitive) {
    }

    private final int[] classOfRow;
    private final List<EquivalenceClass> classes;

    private EquivalenceClasses(int[] classOfRow, List<EquivalenceClass> classes) {
        this.classOfRow = classOfRow;
        this.classes = classes;
    }

    /**
     * Groups rows by their values: {@code quasi[c][r]} is column c's value in row r; {@code sensitive[r]} is
     * the sensitive value (or {@code sensitive} is null when there is none: every class then has l = 1).
     */
    public static EquivalenceClasses of(String[][] quasi, String[] sensitive) {
        int rows = quasi.length == 0 ? 0 : quasi[0].length;
        Map<List<String>, Integer> index = new HashMap<>();
        List<List<String>> keys = new ArrayList<>();
        List<Set<String>> sensitiveValues = new ArrayList<>();
        List<int[]> sizes = new ArrayList<>();
        int[] classOfRow = new int[rows];
        for (int r = 0; r < rows; r++) {
            String[] key = new String[quasi.length];
            for (int c = 0; c < quasi.length; c++) {
                key[c] = quasi[c][r];
            }
            List<String> k = Arrays.asList(key);
            Integer id = index.get(k);
            if (id == null) {
                id = keys.size();
                index.put(k, id);
                keys.add(k);
                sensitiveValues.add(new HashSet<>());
                sizes.add(new int[1]);
            }
            classOfRow[r] = id;
            sizes.get(id)[0]++;
            sensitiveValues.get(id).add(sensitive == null ? "" : sensitive[r]);
        }
        List<EquivalenceClass> classes = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            classes.add(new EquivalenceClass(List.copyOf(keys.get(i)), sizes.get(i)[0], sensitiveValues.get(i).size()));
        }
        return new EquivalenceClasses(classOfRow, classes);
    }

    public List<EquivalenceClass> classes() {
        return classes;
    }

    /** The class of each row. */
    public EquivalenceClass classOf(int row) {
        return classes.get(classOfRow[row]);
    }

    /** The k the table reaches: the size of its smallest class (0 for an empty table). */
    public int k() {
        return classes.stream().mapToInt(EquivalenceClass::size).min().orElse(0);
    }

    /** The distinct l the table reaches: the fewest distinct sensitive values in a class (0 for an empty table). */
    public int l() {
        return classes.stream().mapToInt(EquivalenceClass::distinctSensitive).min().orElse(0);
    }

    /** The {@code n} smallest classes, smallest first (ties: fewest distinct sensitive values first). */
    public List<EquivalenceClass> smallest(int n) {
        return classes.stream()
                .sorted(Comparator.comparingInt(EquivalenceClass::size).thenComparingInt(EquivalenceClass::distinctSensitive))
                .limit(n).toList();
    }
}
