package jgrad.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

import jgrad.autograd.Autograd;
import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.data.csv.Table;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.random.PhiloxRandom;
import jgrad.tensor.Tensor;

/**
 * A conditional tabular GAN (CTGAN, Xu et al. 2019) trained with the Wasserstein loss and gradient penalty
 * (WGAN-GP, Gulrajani et al. 2017). Each step, on a batch of conditions c drawn by training-by-sampling
 * ({@link ConditionalSampler}) with real rows x that hold them:
 * <pre>
 *   critic:    L_D = E[D(G(z, c), c)] − E[D(x, c)] + λ E[(‖∇_x̂ D(x̂, c)‖₂ − 1)²]
 *   generator: L_G = −E[D(G(z, c), c)] + conditional cross-entropy of G's logits on the chosen categories
 * </pre>
 * with one Adam step each (lr 2·10⁻⁴, β = (0.5, 0.9), as CTGAN). Every number lives on the models' device; the
 * host draws the random numbers (one Philox stream from the seed) and uploads them.
 */
public final class Ctgan {

    /**
     * The hyper-parameters; {@link #defaults()} are CTGAN's (noise 128, two layers of 256, batch 500, pac 10,
     * λ 10, τ 0.2, 300 epochs).
     */
    public record Options(int epochs, int batchSize, int noise, int hidden, int pac, double learningRate, double lambda,
                          double temperature, long seed) {

        public Options {
            if (epochs < 1 || batchSize < 1 || noise < 1 || hidden < 1 || pac < 1 || batchSize % pac != 0) {
                throw new IllegalArgumentException("Ctgan: epochs, batch, noise, hidden and pac must be positive and the"
                        + " batch a multiple of pac, got epochs " + epochs + ", batch " + batchSize + ", noise " + noise
                        + ", hidden " + hidden + ", pac " + pac);
            }
            if (!(learningRate > 0) || !(lambda >= 0) || !(temperature > 0)) {
                throw new IllegalArgumentException("Ctgan: learning rate and τ must be positive and λ not negative, got "
                        + learningRate + ", " + temperature + ", " + lambda);
            }
        }

        public static Options defaults() {
            return new Options(300, 500, 128, 256, 10, 2e-4, 10, 0.2, 42);
        }

        public Options withEpochs(int e) {
            return new Options(e, batchSize, noise, hidden, pac, learningRate, lambda, temperature, seed);
        }

        public Options withSeed(long s) {
            return new Options(epochs, batchSize, noise, hidden, pac, learningRate, lambda, temperature, s);
        }

        public Options withSizes(int batch, int noiseWidth, int hiddenWidth, int pacSize) {
            return new Options(epochs, batch, noiseWidth, hiddenWidth, pacSize, learningRate, lambda, temperature, seed);
        }
    }

    /** One epoch's mean critic and generator losses. */
    public record EpochLoss(int epoch, double critic, double generator) {
    }

    private final TabularEncoding encoding;
    private final ConditionalSampler sampler;
    private final TabularGenerator generator;
    private final Critic critic;
    private final Options options;
    private final List<Span> categoricalSpans;

    private Ctgan(TabularEncoding encoding, ConditionalSampler sampler, Options options, DType dtype) {
        this.encoding = encoding;
        this.sampler = sampler;
        this.options = options;
        PhiloxRandom init = new PhiloxRandom(options.seed(), 1);
        generator = new TabularGenerator(options.noise(), sampler.width(), options.hidden(), encoding.spans(),
                encoding.width(), dtype, init);
        critic = new Critic(encoding.width() + sampler.width(), options.pac(), options.hidden(), dtype, init);
        List<Span> spans = new ArrayList<>();
        for (int j = 0; j < encoding.categoricalCount(); j++) {
            spans.add(encoding.categoricalSpan(j));
        }
        categoricalSpans = List.copyOf(spans);
    }

    /** Fits the column transforms and the conditional sampler on the table and builds the networks on the CPU. */
    public static Ctgan create(Table train, List<String> numeric, List<String> categorical, Options options, DType dtype) {
        TabularEncoding encoding = TabularEncoding.fit(train, numeric, categorical);
        return new Ctgan(encoding, new ConditionalSampler(encoding, train), options, dtype);
    }

    /** Moves both networks to the device. */
    public Ctgan to(Device device) {
        generator.to(device);
        critic.to(device);
        return this;
    }

    public TabularEncoding encoding() {
        return encoding;
    }

    public TabularGenerator generator() {
        return generator;
    }

    public Critic critic() {
        return critic;
    }

    /** Trains on the table the transforms were fitted on, calling {@code progress} after each epoch. */
    public List<EpochLoss> fit(Table train, Consumer<EpochLoss> progress) {
        double[][] rows = encoding.encode(train);
        Optimizer optG = new Adam(options.learningRate(), 0.5, 0.9, 1e-8, false).bind(generator);
        Optimizer optD = new Adam(options.learningRate(), 0.5, 0.9, 1e-8, false).bind(critic);
        PhiloxRandom random = new PhiloxRandom(options.seed(), 2);
        int steps = Math.max(1, rows.length / options.batchSize());
        List<EpochLoss> losses = new ArrayList<>();
        generator.train();
        for (int e = 0; e < options.epochs(); e++) {
            Tensor sumD = null;
            Tensor sumG = null;
            for (int s = 0; s < steps; s++) {
                Tensor lossD = criticStep(rows, optD, random);
                Tensor lossG = generatorStep(optG, random);
                sumD = sumD == null ? lossD : sumD.add(lossD);
                sumG = sumG == null ? lossG : sumG.add(lossG);
            }
            EpochLoss loss = new EpochLoss(e + 1, sumD.to(Device.CPU).item() / steps, sumG.to(Device.CPU).item() / steps);
            losses.add(loss);
            progress.accept(loss);
        }
        generator.eval();
        return losses;
    }

    private Tensor criticStep(double[][] rows, Optimizer optD, RandomGenerator random) {
        int b = options.batchSize();
        ConditionalSampler.Conditions c = sampler.training(b, random);
        Tensor cond = upload(c.vectors());
        Tensor real = upload(pick(rows, sampler.realRows(c, random)));
        Tensor fake;
        try (var _ = Autograd.noGrad()) {
            fake = generator.activate(generator.logits(noise(b, random), cond), gumbel(b, random), options.temperature());
        }
        Tensor realIn = Tensor.concat(1, real, cond);
        Tensor fakeIn = Tensor.concat(1, fake, cond);
        var w = critic.parameters();
        Tensor loss = critic.score(w, critic.pack(fakeIn)).mean().sub(critic.score(w, critic.pack(realIn)).mean())
                .add(critic.gradientPenalty(w, realIn, fakeIn, packEpsilon(b, random), options.lambda()));
        optD.zeroGrad();
        loss.backward();
        optD.step();
        return loss.detach();
    }

    private Tensor generatorStep(Optimizer optG, RandomGenerator random) {
        int b = options.batchSize();
        ConditionalSampler.Conditions c = sampler.training(b, random);
        Tensor cond = upload(c.vectors());
        Tensor logits = generator.logits(noise(b, random), cond);
        Tensor fake = generator.activate(logits, gumbel(b, random), options.temperature());
        Tensor loss = critic.score(Tensor.concat(1, fake, cond)).mean().neg()
                .add(TabularGenerator.conditionalLoss(logits, cond, categoricalSpans));
        optG.zeroGrad();
        loss.backward();
        critic.zeroGrad();
        optG.step();
        return loss.detach();
    }

    /** n synthetic rows: conditions with the real frequencies, decoded to the table's values. */
    public Table sample(int n, long seed) {
        return sample(n, seed, (m, random) -> sampler.original(m, random));
    }

    /**
     * n synthetic rows conditioned on {@code column = category} (CTGAN's conditional sampling): the generator is
     * asked for that category in every row; a category the synthesizer was not trained on is an error naming it.
     */
    public Table sample(int n, long seed, String column, String category) {
        int j = encoding.categoricalIndex(column);
        int c = encoding.categoryId(column, category);
        return sample(n, seed, (m, random) -> sampler.fixed(m, j, c));
    }

    private interface ConditionSource {
        ConditionalSampler.Conditions draw(int n, RandomGenerator random);
    }

    private Table sample(int n, long seed, ConditionSource conditions) {
        if (n < 1) {
            throw new IllegalArgumentException("Ctgan: the number of rows to sample must be positive, got " + n);
        }
        PhiloxRandom random = new PhiloxRandom(seed, 3);
        generator.eval();
        double[][] rows = new double[n][];
        int chunk = 1000;
        for (int start = 0; start < n; start += chunk) {
            int m = Math.min(chunk, n - start);
            Tensor out;
            try (var _ = Autograd.noGrad()) {
                Tensor cond = upload(conditions.draw(m, random).vectors());
                out = generator.activate(generator.logits(noise(m, random), cond), gumbel(m, random), options.temperature());
            }
            double[][] block = toRows(out.to(Device.CPU).to(DType.F64));
            System.arraycopy(block, 0, rows, start, m);
        }
        return encoding.decode(rows, "synthetic");
    }

    private Tensor noise(int n, RandomGenerator random) {
        return Tensor.randn(random, dtype(), 0, 1, n, options.noise()).to(device());
    }

    /** g = −log(−log u), u ~ U(0, 1), over the whole encoded width (only the softmax spans use it). */
    private Tensor gumbel(int n, RandomGenerator random) {
        double[] g = new double[n * encoding.width()];
        for (int i = 0; i < g.length; i++) {
            double u = Math.max(random.nextDouble(), 1e-20);
            g[i] = -Math.log(-Math.log(u));
        }
        return Tensor.of(g, n, encoding.width()).to(dtype()).to(device());
    }

    /** ε ~ U(0, 1), one per pack of rows, repeated over its rows: [n, 1]. */
    private Tensor packEpsilon(int n, RandomGenerator random) {
        double[] eps = new double[n];
        for (int i = 0; i < n; i += options.pac()) {
            java.util.Arrays.fill(eps, i, i + options.pac(), random.nextDouble());
        }
        return Tensor.of(eps, n, 1).to(dtype()).to(device());
    }

    private Tensor upload(double[][] rows) {
        int width = rows[0].length;
        double[] flat = new double[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * width, width);
        }
        return Tensor.of(flat, rows.length, width).to(dtype()).to(device());
    }

    private static double[][] pick(double[][] rows, int[] which) {
        double[][] out = new double[which.length][];
        for (int i = 0; i < which.length; i++) {
            out[i] = rows[which[i]];
        }
        return out;
    }

    private static double[][] toRows(Tensor t) {
        int n = t.shape(0);
        int width = t.shape(1);
        double[] flat = t.toDoubleArray();
        double[][] rows = new double[n][width];
        for (int r = 0; r < n; r++) {
            System.arraycopy(flat, r * width, rows[r], 0, width);
        }
        return rows;
    }

    private DType dtype() {
        return critic.parameters().get("W_1").dtype();
    }

    private Device device() {
        return critic.device();
    }
}
