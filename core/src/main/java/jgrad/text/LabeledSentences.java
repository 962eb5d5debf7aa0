package jgrad.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentences with a class label each, tokenized by {@link Tokenizer}. {@link #polarity} reads the movie-review
 * sentences of Pang and Lee (2005), the "MR" set of Kim (2014): {@code rt-polarity.neg} (label 0) then
 * {@code rt-polarity.pos} (label 1), one sentence a line, in ISO-8859-1.
 */
public record LabeledSentences(List<List<String>> tokens, int[] labels) {

    public static final String NEGATIVE_FILE = "rt-polarity.neg";
    public static final String POSITIVE_FILE = "rt-polarity.pos";

    public LabeledSentences {
        if (tokens.size() != labels.length) {
            throw new IllegalArgumentException(tokens.size() + " sentences but " + labels.length + " labels");
        }
    }

    /** Both polarity files of {@code dir}, negative first; a blank line is an error naming file and line. */
    public static LabeledSentences polarity(Path dir) throws IOException {
        List<List<String>> tokens = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        String[] files = {NEGATIVE_FILE, POSITIVE_FILE};
        for (int label = 0; label < files.length; label++) {
            Path file = dir.resolve(files[label]);
            List<String> lines = TextFiles.readLines(file, TextEncoding.LATIN_1);
            for (int i = 0; i < lines.size(); i++) {
                List<String> t = Tokenizer.tokenize(lines.get(i));
                if (t.isEmpty()) {
                    throw new jgrad.io.InputFileException(file, "line " + (i + 1) + " has no words");
                }
                tokens.add(t);
                labels.add(label);
            }
        }
        return new LabeledSentences(tokens, labels.stream().mapToInt(Integer::intValue).toArray());
    }

    public int size() {
        return labels.length;
    }

    /** The sentences at the given rows, in that order. */
    public LabeledSentences rows(int[] rows) {
        List<List<String>> t = new ArrayList<>(rows.length);
        int[] l = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            t.add(tokens.get(rows[i]));
            l[i] = labels[rows[i]];
        }
        return new LabeledSentences(t, l);
    }
}
