package jgrad.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ObjIntConsumer;
import java.util.random.RandomGenerator;

import jgrad.autograd.Autograd;
import jgrad.backend.Device;
import jgrad.io.ModelFileException;
import jgrad.io.ModelFiles;
import jgrad.nn.Config;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.tensor.Tensor;

/**
 * Generated marketing copy (seeds 000 §2.2 and 002 §2.6): a {@link CharLanguageModel} trained on
 * {@link CopyLine}s, i.e. to continue "genres ⇥" with a title, and asked to write a title for given
 * genres by sampling one character at a time, with a temperature and top-k.
 */
public final class Copywriter {

    private static final double CLIP_NORM = 5;
    private static final int EVAL_BATCH = 256;
    private static final double LN2 = Math.log(2);

    private final CharCodes codes;
    private final CharLanguageModel model;

    private Copywriter(CharCodes codes, CharLanguageModel model) {
        this.codes = codes;
        this.model = model;
    }

    /** Trains on the lines on {@code device}; {@code afterEpoch} hears the writer and the number of each finished epoch. */
    public static Copywriter train(List<CopyLine> lines, CopySettings s, Device device,
                                   ObjIntConsumer<Copywriter> afterEpoch) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("cannot train a copywriter on no lines");
        }
        CharCodes codes = CharCodes.fit(lines.stream().map(CopyLine::text).toList());
        SplittableRandom rng = new SplittableRandom(s.seed());
        CharLanguageModel net = new CharLanguageModel(codes.size(), s.dim(), s.hidden(), s.layers(), rng);
        net.to(device);
        Copywriter w = new Copywriter(codes, net);
        Steps steps = w.steps(lines);
        Optimizer opt = Adam.keras(s.learningRate()).clipGlobalNorm(CLIP_NORM).bind(net);
        net.train();
        for (int epoch = 1; epoch <= s.epochs(); epoch++) {
            for (int[] batch : steps.inputs.bucketedBatches(s.batchSize(), rng)) {
                opt.zeroGrad();
                steps.loss(net, batch, device).backward();
                opt.step();
            }
            afterEpoch.accept(w, epoch);
            net.train();
        }
        net.eval();
        return w;
    }

    /** Bits per predicted character (title characters and line ends) of the lines under the model. */
    public double bitsPerCharacter(List<CopyLine> lines) {
        Steps steps = steps(lines);
        double nats = 0;
        double count = 0;
        model.eval();
        try (var _ = Autograd.noGrad()) {
            for (int[] batch : jgrad.data.Batches.sequential(lines.size(), EVAL_BATCH)) {
                double n = steps.count(batch);
                nats += steps.loss(model, batch, model.device()).to(Device.CPU).item() * n;
                count += n;
            }
        }
        return nats / count / LN2;
    }

    /**
     * A title for the genres, one character at a time until the end of the line (or {@code maxLength}): each
     * drawn from softmax(z / temperature) restricted to the {@code topK} likeliest characters (0: all).
     */
    public String write(String genres, double temperature, int topK, RandomGenerator random, int maxLength) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top-k must be >= 0 (0: every character), got " + topK);
        }
        model.eval();
        StringBuilder title = new StringBuilder();
        try (var _ = Autograd.noGrad()) {
            Tensor[] logits = new Tensor[1];
            CharLanguageModel.State state = model.start();
            for (char c : CopyLine.prompt(genres).toCharArray()) {
                state = model.step(state, codes.id(c), logits);
            }
            while (title.length() < maxLength) {
                float[] p = logits[0].div(temperature).softmax(1).to(Device.CPU).toFloatArray();
                int id = Sampling.draw(p, topK, random, CharCodes.PAD, CharCodes.UNKNOWN);
                if (codes.character(id) == CopyLine.END) {
                    break;
                }
                title.append(codes.character(id));
                state = model.step(state, id, logits);
            }
        }
        return title.toString();
    }

    public CharLanguageModel network() {
        return model;
    }

    /** One model file: the network, and the alphabet as its preprocessing. */
    public void save(Path path) throws IOException {
        ModelFiles.save(model, path, Map.of("copywriter_alphabet", codes.alphabet()));
    }

    public static Copywriter load(Path path) throws IOException {
        ModelFiles.Loaded loaded = ModelFiles.read(path);
        if (!(loaded.model() instanceof CharLanguageModel net) || !loaded.preprocessing().containsKey("copywriter_alphabet")) {
            throw new ModelFileException(loaded.file(), "not a copywriter model (no 'copywriter_alphabet')");
        }
        @SuppressWarnings("unchecked")
        Config c = new Config("copywriter preprocessing", (Map<String, Object>) loaded.preprocessing());
        return new Copywriter(CharCodes.of(c.getString("copywriter_alphabet")), net);
    }

    private Steps steps(List<CopyLine> lines) {
        List<int[]> inputs = new ArrayList<>(lines.size());
        List<int[]> targets = new ArrayList<>(lines.size());
        int[] lengths = new int[lines.size()];
        int longest = lines.stream().mapToInt(l -> l.text().length() - 1).max().orElse(1);
        int[] scoredFrom = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            int[] ids = codes.ids(lines.get(i).text());
            lengths[i] = ids.length - 1;
            inputs.add(Arrays.copyOf(Arrays.copyOfRange(ids, 0, ids.length - 1), longest));
            targets.add(Arrays.copyOf(Arrays.copyOfRange(ids, 1, ids.length), longest));
            scoredFrom[i] = lines.get(i).titleStart() - 1;     // target j predicts character j + 1
        }
        return new Steps(new IdRows(inputs, lengths, false, 1), new IdRows(targets, lengths, false, 1), scoredFrom,
                lengths, codes.size());
    }

    /** Inputs, targets and which targets are scored, row by row. */
    private record Steps(IdRows inputs, IdRows targets, int[] scoredFrom, int[] lengths, int vocabulary) {

        /** How many targets of the batch are scored. */
        double count(int[] batch) {
            double n = 0;
            for (int r : batch) {
                n += lengths[r] - scoredFrom[r];
            }
            return n;
        }

        /** Mean −ln P(target) over the scored targets: −Σ w·(log-softmax ⊙ one-hot) / Σ w. */
        Tensor loss(CharLanguageModel net, int[] batch, Device device) {
            Tensor x = inputs.batch(batch);
            float[] y = targets.batch(batch).toFloatArray();
            int width = x.shape(1);
            float[] picked = new float[y.length * vocabulary];
            float weight = (float) (1 / count(batch));
            for (int r = 0; r < batch.length; r++) {
                for (int j = scoredFrom[batch[r]]; j < lengths[batch[r]]; j++) {
                    picked[(r * width + j) * vocabulary + (int) y[r * width + j]] = weight;
                }
            }
            Tensor mask = Tensor.of(picked, y.length, vocabulary).to(device);
            return net.forward(x.to(device)).logSoftmax(1).mul(mask).sum().neg();
        }
    }
}
