package jgrad.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import jgrad.autograd.Autograd;
import jgrad.backend.Arena;
import jgrad.backend.Device;
import jgrad.data.Batches;
import jgrad.data.split.Split;
import jgrad.io.ModelFileException;
import jgrad.io.ModelFiles;
import jgrad.nn.Activation;
import jgrad.nn.Config;
import jgrad.nn.loss.Losses;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Dropout;
import jgrad.nn.layers.Embedding;
import jgrad.nn.layers.Lstm;
import jgrad.backend.DType;
import jgrad.nn.init.Initializers;
import jgrad.optim.Adadelta;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.tensor.Tensor;
import jgrad.train.Sequential;
import jgrad.train.WeightsSnapshot;

/**
 * A sentence's polarity (0 negative, 1 positive) from its words: one of three classifiers over the word
 * ids of {@link WordIds}, with the vocabulary and sentence length it was trained with, so that new text
 * is read the same way. Saved as one model file whose preprocessing holds the kind, length and words.
 */
public final class SentimentModel {

    /** The classifiers: {@link TextCnn}, Embedding → LSTM (last state) → dropout → Dense, {@link BagOfWords}. */
    public enum Kind {
        CNN, LSTM, BOW;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String label) {
            for (Kind k : values()) {
                if (k.label().equals(label)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown sentiment model '" + label + "' (known: cnn, lstm, bow)");
        }
    }

    private static final int CLASSES = 2;
    private static final int PREDICT_BATCH = 500;
    /** Mixed into the seed for the development draw, so that it is not the draw of the batches' order. */
    private static final long DEV_SALT = 0x5DEECE66DL;
    /** Mixed into the seed for the words dropped from training batches. */
    private static final long WORD_DROPOUT_SALT = 0x2545F4914F6CDD1DL;
    /** The CNN's word path learns at this multiple of the CNN's rate: the bag of words' 1e-2 over Adam's 1e-3. */
    static final double WORD_PATH_RATE = 10;

    private final Kind kind;
    private final WordIds words;
    private final int length;
    /** PAD ids before and after every sentence (the CNN only; Kim's zero padding at both ends). */
    private final int edges;
    private final Sequential model;
    /** The development accuracy after each epoch of the last training (empty without a development share). */
    private final List<Double> lastSelection = new ArrayList<>();

    private SentimentModel(Kind kind, WordIds words, int length, int edges, Sequential model) {
        this.kind = kind;
        this.words = words;
        this.length = length;
        this.edges = edges;
        this.model = model;
    }

    /**
     * Fits the vocabulary and the classifier on the training sentences, on {@code device}; with a development
     * share in the settings, the classifier is fitted on the rest and kept at its best epoch on that share.
     */
    public static SentimentModel train(Kind kind, LabeledSentences train, SentimentSettings s, Device device) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("cannot train a sentiment model on no sentences");
        }
        WordIds words = WordIds.fit(train.tokens(), s.minCount());
        SplittableRandom rng = new SplittableRandom(s.seed());
        Sequential net = network(kind, words.size(), s, rng);
        int length = length(kind, train.tokens(), s.maxLength(), net);
        SentimentModel m = new SentimentModel(kind, words, length, kind == Kind.CNN ? s.edgePadding() : 0, net);
        net.to(device);
        Split<int[]> parts = developmentSplit(train.size(), s);
        LabeledSentences fitted = train.rows(parts.train());
        m.fit(m.rows(fitted.tokens()), fitted.labels(), train.rows(parts.test()), s);
        return m;
    }

    /** The training rows and the development rows (a seeded draw of {@code devFraction} of them; none at 0). */
    static Split<int[]> developmentSplit(int n, SentimentSettings s) {
        int dev = (int) Math.round(n * s.devFraction());
        if (dev == 0 || dev == n) {
            return new Split<>(IntStream.range(0, n).toArray(), new int[0]);
        }
        int[] order = Batches.permutation(n, new SplittableRandom(s.seed() ^ DEV_SALT));
        int[] test = Arrays.copyOfRange(order, 0, dev);
        int[] fit = Arrays.copyOfRange(order, dev, n);
        Arrays.sort(test);
        Arrays.sort(fit);
        return new Split<>(fit, test);
    }

    private static Sequential network(Kind kind, int vocabulary, SentimentSettings s, SplittableRandom rng) {
        return switch (kind) {
            case CNN -> new Sequential(new TextCnn(vocabulary, s.dim(), new int[] {3, 4, 5}, 100, 0.5, CLASSES,
                    Initializers.uniform(s.embeddingScale()), s.wordPath(), rng));
            case LSTM -> new Sequential(new Embedding(vocabulary, s.dim(), DType.F32, rng,
                    Initializers.uniform(s.embeddingScale()), true),
                    new Lstm(s.dim(), s.hidden(), false, DType.F32, rng), new Dropout(0.5, rng),
                    new Dense(s.hidden(), CLASSES, Activation.LINEAR, rng));
            case BOW -> new Sequential(new BagOfWords(vocabulary, CLASSES, rng));
        };
    }

    /** The longest training sentence in ids (distinct words for the bag), at most maxLength, at least the widest filter. */
    private static int length(Kind kind, List<List<String>> sentences, int maxLength, Sequential net) {
        int longest = 1;
        for (List<String> t : sentences) {
            longest = Math.max(longest, kind == Kind.BOW ? WordIds.distinctCount(t) : t.size());
        }
        return Math.max(shortest(net), Math.min(longest, maxLength));
    }

    /**
     * Ids per sentence: padded at the end for the CNN (after {@code edges} PAD ids, and with {@code edges} more
     * after its words), at the front for the LSTM, distinct words for the bag.
     */
    private IdRows rows(List<List<String>> sentences) {
        List<int[]> rows = new ArrayList<>(sentences.size());
        int[] used = new int[sentences.size()];
        for (int i = 0; i < used.length; i++) {
            List<String> t = sentences.get(i);
            rows.add(switch (kind) {
                case CNN -> framed(words.sequence(t, length, false));
                case LSTM -> words.sequence(t, length, true);
                case BOW -> words.bag(t, length);
            });
            used[i] = kind == Kind.BOW ? WordIds.distinctCount(t) : Math.min(t.size(), length) + 2 * edges;
        }
        return new IdRows(rows, used, kind == Kind.LSTM, shortest(model));
    }

    /** The ids with {@code edges} PAD ids in front and {@code edges} more at the end. */
    private int[] framed(int[] ids) {
        int[] out = new int[ids.length + 2 * edges];
        System.arraycopy(ids, 0, out, edges, ids.length);
        return out;
    }

    private static int shortest(Sequential net) {
        return net.layers().get(0) instanceof TextCnn cnn ? cnn.widestFilter() : 1;
    }

    /**
     * The settings' rule (Adam or Adadelta) on softmax cross-entropy over shuffled batches of sentences of similar length, each cut to its
     * longest, one {@link Arena} per step; after each epoch the development sentences (if any) are scored, and
     * the best epoch's weights are kept (the first of equals), stopping after {@code patience} epochs without
     * progress.
     */
    private void fit(IdRows x, int[] labels, LabeledSentences dev, SentimentSettings s) {
        Optimizer opt = optimizer(s).bind(model);
        if (kind == Kind.CNN && s.maxNorm() != Double.POSITIVE_INFINITY) {
            opt.maxNorm(name -> name.endsWith("output.W"), s.maxNorm());
        }
        if (kind == Kind.CNN && s.wordPath()) {
            opt.scaleLearningRate(name -> name.contains("words."), WORD_PATH_RATE);
        }
        SplittableRandom order = new SplittableRandom(s.seed());
        SplittableRandom dropped = new SplittableRandom(s.seed() ^ WORD_DROPOUT_SALT);
        double wordDropout = kind == Kind.BOW ? 0 : s.wordDropout();
        Device device = model.device();
        WeightsSnapshot best = new WeightsSnapshot();
        double bestAccuracy = -1;
        int sinceBest = 0;
        lastSelection.clear();
        for (int epoch = 0; epoch < s.epochs() && (s.patience() == 0 || sinceBest < s.patience()); epoch++) {
            model.train();
            for (int[] batch : x.bucketedBatches(s.batchSize(), order)) {
                try (Arena step = Arena.open()) {
                    opt.zeroGrad();
                    Tensor logits = model.forward(x.batch(batch, wordDropout, dropped).to(device));
                    Losses.softmaxCrossEntropy(logits, labels(labels, batch).to(device)).backward();
                    opt.step();
                }
            }
            if (dev.size() > 0) {
                double accuracy = accuracy(dev);
                lastSelection.add(accuracy);
                sinceBest = accuracy > bestAccuracy ? 0 : sinceBest + 1;
                if (sinceBest == 0) {
                    bestAccuracy = accuracy;
                    best.take(model);
                }
            }
        }
        if (best.isTaken()) {
            best.restore(model);
        }
        model.eval();
    }

    private static Optimizer optimizer(SentimentSettings s) {
        return switch (s.rule()) {
            case ADAM -> Adam.keras(s.learningRate());
            case ADADELTA -> new Adadelta(s.learningRate(), Adadelta.kim().rho(), Adadelta.kim().epsilon());
        };
    }

    private static Tensor labels(int[] labels, int[] picked) {
        float[] y = new float[picked.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels[picked[i]];
        }
        return Tensor.of(y, y.length);
    }

    /** P(positive) of every tokenized sentence (an empty one is an error: it has nothing to score). */
    public double[] positiveProbabilities(List<List<String>> sentences) {
        for (int i = 0; i < sentences.size(); i++) {
            if (sentences.get(i).isEmpty()) {
                throw new IllegalArgumentException("sentence " + (i + 1) + " has no words to score");
            }
        }
        IdRows x = rows(sentences);
        double[] positive = new double[sentences.size()];
        model.eval();
        try (var _ = Autograd.noGrad()) {
            for (int[] group : sameWidth(x)) {
                float[] p = model.forward(x.batch(group).to(model.device())).softmax(1).to(Device.CPU).toFloatArray();
                for (int r = 0; r < group.length; r++) {
                    positive[group[r]] = p[r * CLASSES + 1];
                }
            }
        }
        return positive;
    }

    /**
     * The rows grouped by the width they need, in batches of at most {@value #PREDICT_BATCH}: a sentence is
     * scored on exactly its own ids, so its probability does not depend on the sentences scored with it.
     */
    private static List<int[]> sameWidth(IdRows x) {
        Map<Integer, List<Integer>> byWidth = new java.util.TreeMap<>();
        for (int i = 0; i < x.size(); i++) {
            byWidth.computeIfAbsent(x.width(i), w -> new ArrayList<>()).add(i);
        }
        List<int[]> groups = new ArrayList<>();
        for (List<Integer> rows : byWidth.values()) {
            int[] all = rows.stream().mapToInt(Integer::intValue).toArray();
            groups.addAll(List.of(Batches.cut(all, PREDICT_BATCH)));
        }
        return groups;
    }

    /** P(positive) of a text, tokenized by {@link Tokenizer}; a text without words is an error. */
    public double positiveProbability(String text) {
        List<String> tokens = Tokenizer.tokenize(text);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("the text has no words to score: '" + text + "'");
        }
        return positiveProbabilities(List.of(tokens))[0];
    }

    /** The share of sentences whose more probable class is their label (ties count as negative). */
    public double accuracy(LabeledSentences test) {
        return accuracy(positiveProbabilities(test.tokens()), test.labels());
    }

    /** The share of P(positive) above 0.5 for label 1 and at most 0.5 for label 0. */
    static double accuracy(double[] positive, int[] labels) {
        int right = 0;
        for (int i = 0; i < positive.length; i++) {
            right += (positive[i] > 0.5 ? 1 : 0) == labels[i] ? 1 : 0;
        }
        return (double) right / positive.length;
    }

    /** The development accuracy after each epoch of training (empty when none was held out). */
    public List<Double> developmentAccuracies() {
        return List.copyOf(lastSelection);
    }

    public Kind kind() {
        return kind;
    }

    /** Ids per sentence: longer sentences are cut. */
    public int length() {
        return length;
    }

    public WordIds words() {
        return words;
    }

    public Sequential network() {
        return model;
    }

    /** One model file: the network's weights, and the kind, length and words as its preprocessing. */
    public void save(Path path) throws IOException {
        Map<String, Object> pre = new LinkedHashMap<>();
        pre.put("sentiment", kind.label());
        pre.put("length", length);
        pre.put("edges", edges);
        pre.put("words", words.words());
        ModelFiles.save(model, path, pre);
    }

    /** A model saved by {@link #save}; a file of another kind of model is an error naming it. */
    public static SentimentModel load(Path path) throws IOException {
        ModelFiles.Loaded loaded = ModelFiles.read(path);
        if (!(loaded.model() instanceof Sequential net) || loaded.preprocessing() == null
                || !loaded.preprocessing().containsKey("sentiment")) {
            throw new ModelFileException(loaded.file(), "not a sentiment model (no 'sentiment' in its preprocessing)");
        }
        @SuppressWarnings("unchecked")
        Config c = new Config("sentiment preprocessing", (Map<String, Object>) loaded.preprocessing());
        WordIds words = WordIds.of(c.getStringList("words"));
        return new SentimentModel(Kind.parse(c.getString("sentiment")), words, c.getInt("length"), c.getInt("edges", 0),
                net);
    }
}
