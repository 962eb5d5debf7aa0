package jgrad.sequence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.io.InputFileException;
import jgrad.io.InputFiles;

/**
 * Reads {@link SequenceData} in two layouts.
 * <ul>
 *   <li>A directory in the ml-100k-seq layout: {@code sequences.tsv} (one line per user:
 *       {@code user<TAB>item item …} in time order), {@code valid_negatives.tsv} and {@code test_negatives.tsv}
 *       ({@code user<TAB>target<TAB>negatives…}); each target must be the item the split puts there.</li>
 *   <li>A plain file of {@code user item} lines (the SASRec authors' data files), each user's lines in time
 *       order; the negatives are then {@link #NEGATIVES} items per target drawn uniformly without
 *       replacement, with the caller's seeded generator, from the items the user never chose.</li>
 * </ul>
 * The catalog is 1 … the largest item id of the sequences; an item beyond it in a negatives file, a negatives
 * line of a user without a sequence, an empty sequence or a repeated user is an error naming the file, line
 * and column.
 */
public final class SequenceFiles {

    /** How many negatives each target is ranked against when they are drawn here. */
    public static final int NEGATIVES = 100;
    private static final long MAX_BYTES = 1L << 30;

    private SequenceFiles() {
    }

    /** A directory of the ml-100k-seq layout, or a plain {@code user item} file with negatives drawn from {@code rng}. */
    public static SequenceData read(Path path, RandomGenerator rng) throws IOException {
        return Files.isDirectory(path) ? readDirectory(path) : readPairs(path, rng);
    }

    public static SequenceData readDirectory(Path dir) throws IOException {
        Path seqFile = dir.resolve("sequences.tsv");
        Map<Integer, int[]> sequences = new LinkedHashMap<>();
        List<String> lines = lines(seqFile);
        for (int l = 0; l < lines.size(); l++) {
            if (lines.get(l).isBlank()) {
                continue;
            }
            Line line = new Line(seqFile, l + 1, lines.get(l), "\t");
            int user = line.positive(0, "user id");
            String items = line.field(1, "items").trim();
            if (items.isEmpty()) {
                throw line.error(2, "the user has an empty history");
            }
            int[] seq = new Line(seqFile, l + 1, items, " +").positives("item id");
            if (sequences.put(user, seq) != null) {
                throw line.error(1, "the user appears twice");
            }
        }
        if (sequences.isEmpty()) {
            throw new InputFileException(seqFile, "holds no sequence");
        }
        int numItems = sequences.values().stream().flatMapToInt(Arrays::stream).max().orElseThrow();
        int[] users = sequences.keySet().stream().mapToInt(Integer::intValue).toArray();
        int[][] seqs = sequences.values().toArray(int[][]::new);
        int[][] valid = negatives(dir.resolve("valid_negatives.tsv"), users, seqs, numItems, 2);
        int[][] test = negatives(dir.resolve("test_negatives.tsv"), users, seqs, numItems, 1);
        return new SequenceData(numItems, users, seqs, valid, test);
    }

    /** {@code user<TAB>target<TAB>negatives} lines; {@code fromEnd} 2 for validation targets, 1 for test targets. */
    private static int[][] negatives(Path file, int[] users, int[][] seqs, int numItems, int fromEnd) throws IOException {
        Map<Integer, Integer> index = new HashMap<>();
        for (int u = 0; u < users.length; u++) {
            index.put(users[u], u);
        }
        int[][] out = new int[users.length][];
        List<String> lines = lines(file);
        for (int l = 0; l < lines.size(); l++) {
            if (lines.get(l).isBlank()) {
                continue;
            }
            Line line = new Line(file, l + 1, lines.get(l), "\t");
            int user = line.positive(0, "user id");
            Integer u = index.get(user);
            if (u == null) {
                throw line.error(1, "unknown user: sequences.tsv has no sequence for it");
            }
            if (seqs[u].length < 3) {
                throw line.error(1, "the user has " + seqs[u].length + " items: fewer than 3 leave no "
                        + "training prefix, so it has no targets");
            }
            int target = line.positive(1, "target item");
            int expected = seqs[u][seqs[u].length - fromEnd];
            if (target != expected) {
                throw line.error(2, "target " + target + " is not item " + expected
                        + ", which the leave-one-out split puts there");
            }
            int[] neg = new Line(file, l + 1, line.field(2, "negatives").trim(), " +").positives("negative item");
            for (int n : neg) {
                if (n > numItems) {
                    throw line.error(3, "unknown item " + n + ": the sequences' items are 1 … " + numItems);
                }
            }
            if (out[u] != null) {
                throw line.error(1, "the user appears twice");
            }
            out[u] = neg;
        }
        for (int u = 0; u < users.length; u++) {
            if (seqs[u].length >= 3 && out[u] == null) {
                throw new InputFileException(file, "has no line for the user of sequence " + (u + 1)
                        + " (in the order of sequences.tsv)");
            }
        }
        return out;
    }

    /** {@code user item} lines, each user's in time order; negatives drawn from {@code rng}. */
    public static SequenceData readPairs(Path file, RandomGenerator rng) throws IOException {
        Map<Integer, List<Integer>> byUser = new LinkedHashMap<>();
        List<String> lines = lines(file);
        for (int l = 0; l < lines.size(); l++) {
            if (lines.get(l).isBlank()) {
                continue;
            }
            Line line = new Line(file, l + 1, lines.get(l).trim(), "[ \t]+");
            if (line.fields.length != 2) {
                throw line.error(1, "expected two fields 'user item', got " + line.fields.length);
            }
            byUser.computeIfAbsent(line.positive(0, "user id"), k -> new ArrayList<>()).add(line.positive(1, "item id"));
        }
        if (byUser.isEmpty()) {
            throw new InputFileException(file, "holds no 'user item' line");
        }
        int[] users = byUser.keySet().stream().mapToInt(Integer::intValue).toArray();
        int[][] seqs = byUser.values().stream().map(s -> s.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        int numItems = byUser.values().stream().flatMap(List::stream).mapToInt(Integer::intValue).max().orElseThrow();
        int[][] valid = new int[users.length][];
        int[][] test = new int[users.length][];
        for (int u = 0; u < users.length; u++) {
            if (seqs[u].length >= 3) {
                valid[u] = NegativeDraws.unseen(seqs[u], numItems, NEGATIVES, rng);
                test[u] = NegativeDraws.unseen(seqs[u], numItems, NEGATIVES, rng);
            }
        }
        return new SequenceData(numItems, users, seqs, valid, test);
    }

    private static List<String> lines(Path file) throws IOException {
        return InputFiles.readText(file, "sequence file", MAX_BYTES).lines().toList();
    }

    /** One line split into fields, for errors that name the file, line and (1-based) column. */
    private static final class Line {
        final Path file;
        final int number;
        final String[] fields;

        Line(Path file, int number, String text, String separator) {
            this.file = file;
            this.number = number;
            this.fields = text.split(separator, -1);
        }

        String field(int i, String what) throws InputFileException {
            if (i >= fields.length) {
                throw error(i + 1, "missing the " + what);
            }
            return fields[i];
        }

        int positive(int i, String what) throws InputFileException {
            String text = field(i, what).trim();
            try {
                int v = Integer.parseInt(text);
                if (v >= 1) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below with the rest
            }
            throw error(i + 1, what + " must be a whole number ≥ 1, got '" + text + "'");
        }

        int[] positives(String what) throws InputFileException {
            int[] out = new int[fields.length];
            for (int i = 0; i < fields.length; i++) {
                out[i] = positive(i, what);
            }
            return out;
        }

        InputFileException error(int column, String problem) {
            return new InputFileException(file, "line " + number + ", column " + column + ": " + problem);
        }
    }
}
