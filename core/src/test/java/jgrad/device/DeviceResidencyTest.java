package jgrad.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.bandit.NeuralEpsilonGreedy;
import jgrad.ctr.CtrData;
import jgrad.ctr.CtrFixtures;
import jgrad.ctr.CtrModel;
import jgrad.ctr.CtrTraining;
import jgrad.ctr.DinConfig;
import jgrad.ctr.DinModel;
import jgrad.ctr.LogisticCtr;
import jgrad.ctr.Pooling;
import jgrad.ctr.Unit;
import jgrad.nn.Activation;
import jgrad.nn.Module;
import jgrad.nn.gan.Discriminator;
import jgrad.nn.gan.GanLoss;
import jgrad.nn.gan.GanTrainer;
import jgrad.nn.gan.Generator;
import jgrad.nn.layers.Attention;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Dropout;
import jgrad.nn.layers.Embedding;
import jgrad.nn.layers.Gru;
import jgrad.nn.layers.Lstm;
import jgrad.nn.layers.Rnn;
import jgrad.nn.loss.Losses;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.privacy.dp.DpSgd;
import jgrad.privacy.dp.PairDpSgd;
import jgrad.data.BadRows;
import jgrad.data.csv.Column;
import jgrad.data.csv.ColumnType;
import jgrad.data.csv.CsvFormat;
import jgrad.data.csv.CsvReader;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;
import jgrad.profile.Autoencoder;
import jgrad.profile.ProfileTraining;
import jgrad.profile.Rbm;
import jgrad.profile.RbmLikelihood;
import jgrad.profile.RbmTraining;
import jgrad.profile.TabularLayout;
import jgrad.profile.Vae;
import jgrad.synth.Ctgan;
import jgrad.recsys.BiasedMF;
import jgrad.recsys.ConcatRecommender;
import jgrad.recsys.DotRecommender;
import jgrad.recsys.Ncf;
import jgrad.sequence.Gru4Rec;
import jgrad.sequence.SasRec;
import jgrad.sequence.SequenceBatch;
import jgrad.sequence.SequenceModel;
import jgrad.recsys.PairModel;
import jgrad.recsys.UserMlpRecommender;
import jgrad.rl.CampaignPolicy;
import jgrad.tensor.Tensor;
import jgrad.testing.GuardedDevice;
import jgrad.train.Fit;
import jgrad.train.Sequential;
import jgrad.uplift.TwoHeadUplift;
import jgrad.uplift.UpliftData;
import jgrad.nn.conv.AvgPool2D;
import jgrad.nn.conv.Conv1D;
import jgrad.nn.conv.Conv2D;
import jgrad.nn.conv.GlobalAveragePooling;
import jgrad.nn.conv.MaxPool2D;
import jgrad.nn.conv.Padding;
import jgrad.nn.layers.Flatten;
import jgrad.nn.norm.BatchNorm;
import jgrad.nn.norm.LayerNorm;
import jgrad.nn.transformer.MultiHeadAttention;
import jgrad.nn.transformer.PositionalEmbedding;
import jgrad.nn.transformer.TransformerBlock;
import jgrad.text.CopyLine;
import jgrad.text.CopySettings;
import jgrad.text.Copywriter;
import jgrad.text.LabeledSentences;
import jgrad.text.SentimentModel;
import jgrad.text.SentimentSettings;

/**
 * Every layer and model trains on a device whose storages refuse host access ({@link GuardedDevice}),
 * and gives the CPU's bits: so no op, layer, loss, optimizer or training loop reads or writes a device
 * tensor's memory from Java, or mixes a host tensor into a device op.
 */
class DeviceResidencyTest {

    private static final int STEPS = 3;

    /** One training run on a device: the numbers it produced, brought back to the host at the end. */
    interface Run extends Function<Device, List<double[]>> {
    }

    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of("dense + dropout + mse", (Run) DeviceResidencyTest::mlp),
                Arguments.of("dense softmax cross-entropy", (Run) DeviceResidencyTest::classifier),
                Arguments.of("embedding, row-sparse gradient", (Run) DeviceResidencyTest::embedding),
                Arguments.of("rnn", (Run) d -> sequence(d, "rnn")),
                Arguments.of("lstm", (Run) d -> sequence(d, "lstm")),
                Arguments.of("gru", (Run) d -> sequence(d, "gru")),
                Arguments.of("attention dot, masked", (Run) d -> attention(d, Attention.Score.DOT)),
                Arguments.of("attention general", (Run) d -> attention(d, Attention.Score.GENERAL)),
                Arguments.of("attention mlp", (Run) d -> attention(d, Attention.Score.MLP)),
                Arguments.of("gan", (Run) DeviceResidencyTest::gan),
                Arguments.of("ctgan: WGAN-GP, conditional vector, Gumbel softmax", (Run) DeviceResidencyTest::ctgan),
                Arguments.of("denoising autoencoder", (Run) DeviceResidencyTest::autoencoder),
                Arguments.of("variational autoencoder", (Run) DeviceResidencyTest::vae),
                Arguments.of("rbm, persistent CD, Gaussian visible", (Run) d -> rbm(d, Rbm.Visible.GAUSSIAN, true)),
                Arguments.of("rbm, CD-2, Bernoulli visible", (Run) d -> rbm(d, Rbm.Visible.BERNOULLI, false)),
                Arguments.of("uplift two-head", (Run) DeviceResidencyTest::twoHeadUplift),
                Arguments.of("uplift two-head fit: T-learner start, AdamW, early stopping",
                        (Run) DeviceResidencyTest::twoHeadUpliftFit),
                Arguments.of("reinforce policy + baseline", (Run) DeviceResidencyTest::reinforcePolicy),
                Arguments.of("neural bandit", (Run) DeviceResidencyTest::neuralBandit),
                Arguments.of("campaign response network (AdamW, dropout)", (Run) DeviceResidencyTest::responseNetwork),
                Arguments.of("keras fit: dot recommender", (Run) d -> fitPairs(d, new DotRecommender(7, 9, 3, DType.F32, rng(1)))),
                Arguments.of("keras fit: concat recommender", (Run) d -> fitPairs(d, new ConcatRecommender(7, 9, 3, 2, DType.F32, rng(2)))),
                Arguments.of("keras fit: biased MF", (Run) d -> fitPairs(d, new BiasedMF(7, 9, 3, 3.5, true, DType.F32, rng(3)))),
                Arguments.of("keras fit: user MLP", (Run) d -> fitUserMlp(d)),
                Arguments.of("keras fit: NeuMF", (Run) d -> fitPairs(d, new Ncf(Ncf.Kind.NEUMF, 7, 9, 3, 2, new int[] {4, 2},
                        DType.F32, rng(4)))),
                Arguments.of("keras fit: sequential", (Run) DeviceResidencyTest::fitSequential),
                Arguments.of("dp-sgd: dense, Poisson batches, clipping, noise", (Run) DeviceResidencyTest::dpSgd),
                Arguments.of("dp-sgd: embedding tables of a pair model", (Run) DeviceResidencyTest::pairDpSgd),
                Arguments.of("dp-sgd: conv2d, pooling, dropout", (Run) DeviceResidencyTest::dpSgdConvolution),
                Arguments.of("dp-sgd: embedding, lstm, gru, rnn, layer norm", (Run) DeviceResidencyTest::dpSgdSequences),
                Arguments.of("dp-sgd: transformer block, multi-head and pooling attention",
                        (Run) DeviceResidencyTest::dpSgdAttention),

                Arguments.of("cnn: conv2d, batch norm, pooling", (Run) DeviceResidencyTest::cnn),
                Arguments.of("conv1d, global average pooling", (Run) DeviceResidencyTest::conv1d),
                Arguments.of("transformer block, positions, masks", (Run) DeviceResidencyTest::transformer),
                Arguments.of("interop: PyTorch-form GRU + Linear", (Run) DeviceResidencyTest::gruClassifier),
                Arguments.of("interop: projected attention pooling", (Run) DeviceResidencyTest::projectedAttention),
                Arguments.of("transfer: frozen layer, per-layer rate", (Run) DeviceResidencyTest::fineTuning),
                Arguments.of("din: attention, dice, dropout, mini-batch aware L2", (Run) d -> din(d, Pooling.ATTENTION)),
                Arguments.of("din: softmax attention", (Run) d -> din(d, Pooling.SOFTMAX)),
                Arguments.of("din: mean pooling", (Run) d -> din(d, Pooling.MEAN)),
                Arguments.of("ctr logistic regression", (Run) DeviceResidencyTest::logisticCtr),
                Arguments.of("sasrec, sampled negatives", (Run) d -> nextItem(d, new SasRec(9, 4, 6, 2, 1, 0.2,
                        DType.F32, rng(5)))),
                Arguments.of("gru4rec, sampled negatives", (Run) d -> nextItem(d, new Gru4Rec(9, 4, 6, 0.2, DType.F32,
                        rng(6)))),
                Arguments.of("sentiment: Kim CNN", (Run) d -> sentiment(d, SentimentModel.Kind.CNN)),
                Arguments.of("sentiment: LSTM classifier", (Run) d -> sentiment(d, SentimentModel.Kind.LSTM)),
                Arguments.of("sentiment: bag of words", (Run) d -> sentiment(d, SentimentModel.Kind.BOW)),
                Arguments.of("copywriter: character LSTM, sampling", (Run) DeviceResidencyTest::copywriter));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void trainsOnADeviceThatRefusesHostAccessWithTheCpuBits(String name, Run run) {
        List<double[]> onCpu = run.apply(Device.CPU);
        List<double[]> onDevice = run.apply(GuardedDevice.create());
        assertEquals(onCpu.size(), onDevice.size());
        for (int i = 0; i < onCpu.size(); i++) {
            assertArrayEquals(onCpu.get(i), onDevice.get(i), name + ": result " + i + " differs from the CPU's");
        }
    }

    @Test
    void hostAccessToADeviceTensorIsAnErrorNamingTheDevice() {
        Device guarded = GuardedDevice.create();
        Tensor x = Tensor.of(new float[] {1, 2, 3}, 3).to(guarded);
        for (Runnable access : List.<Runnable>of(x::toFloatArray, () -> x.get(0), () -> x.set(1, 0), () -> x.sum().item())) {
            var e = assertThrows(IllegalStateException.class, access::run);
            assertTrue(e.getMessage().contains("guarded") && e.getMessage().contains("to(Device.CPU)"), e.getMessage());
        }
        assertTrue(x.toString().contains("on guarded"), x.toString());
        assertArrayEquals(new float[] {6}, x.sum().to(Device.CPU).toFloatArray());
    }

    @Test
    void anOpOnTwoDevicesNamesTheOpAndBothDevices() {
        Device guarded = GuardedDevice.create();
        Tensor a = Tensor.ones(2, 2).to(guarded);
        Tensor b = Tensor.ones(2, 2);
        var e = assertThrows(IllegalArgumentException.class, () -> a.matmul(b));
        assertTrue(e.getMessage().startsWith("matmul") && e.getMessage().contains("guarded")
                && e.getMessage().contains("cpu"), e.getMessage());
    }

    @Test
    void aModelMovesBackWithItsTrainedWeights() {
        Device guarded = GuardedDevice.create();
        Dense layer = new Dense(3, 2, Activation.TANH, rng(5));
        float[] before = layer.parameters().get("W").toFloatArray();
        layer.to(guarded);
        assertEquals(guarded, layer.device());
        layer.to(Device.CPU);
        assertArrayEquals(before, layer.parameters().get("W").toFloatArray());
    }

    // ---------------------------------------------------------------- the runs

    private static SplittableRandom rng(long seed) {
        return new SplittableRandom(seed);
    }

    private static Tensor data(long seed, int... shape) {
        return Tensor.randn(rng(seed), DType.F32, 0, 1, shape);
    }

    /** STEPS explicit Adam steps of {@code loss(model)}; returns the losses and the final parameters. */
    private static List<double[]> train(Module model, Device device, Function<Module, Tensor> loss) {
        model.to(device);
        Optimizer opt = model.parameters().isEmpty() ? null : Adam.keras(1e-2).bind(model);
        double[] losses = new double[STEPS];
        for (int s = 0; s < STEPS; s++) {
            model.zeroGrad();
            Tensor l = loss.apply(model);
            l.backward();
            if (opt != null) {
                opt.step();
            }
            losses[s] = l.to(Device.CPU).item();
        }
        return withParameters(losses, model);
    }

    private static List<double[]> gruClassifier(Device device) {
        jgrad.interop.GruClassifier model = new jgrad.interop.GruClassifier(3, 4, 2, DType.F32);
        Tensor x = data(2, 2, 5, 3).to(device);
        Tensor y = data(3, 2, 2).to(device);
        return train(model, device, m -> Losses.mse(((jgrad.interop.GruClassifier) m).forward(x), y));
    }

    private static List<double[]> projectedAttention(Device device) {
        jgrad.interop.ProjectedAttention model = new jgrad.interop.ProjectedAttention(3, 4, DType.F32);
        Tensor x = data(2, 2, 5, 4).to(device);
        Tensor h = data(3, 2, 3).to(device);
        return train(model, device, m -> {
            Attention.Output o = ((jgrad.interop.ProjectedAttention) m).forward(x, h);
            return o.c().mul(o.c()).sum();
        });
    }

    /** Layer 0 frozen, layer 2 at 0.1× the rate of layer 3, with an explicit loop on the device. */
    private static List<double[]> fineTuning(Device device) {
        Sequential model = new Sequential(new Dense(4, 5, Activation.RELU, rng(1)), new Dense(5, 5, Activation.TANH, rng(2)),
                new Dense(5, 3, Activation.LINEAR, rng(3)));
        model.to(device);
        Optimizer opt = jgrad.transfer.FineTuning.of(model).freeze("0").learningRate("1", 0.1).bind(Adam.keras(1e-2));
        Tensor x = data(3, 6, 4).to(device);
        Tensor y = data(4, 6, 3).to(device);
        double[] losses = new double[STEPS];
        for (int s = 0; s < STEPS; s++) {
            model.zeroGrad();
            Tensor l = Losses.mse(model.forward(x), y);
            l.backward();
            opt.step();
            losses[s] = l.to(Device.CPU).item();
        }
        return withParameters(losses, model);
    }

    private static List<double[]> withParameters(double[] first, Module model) {
        List<double[]> out = new ArrayList<>();
        out.add(first);
        for (Tensor p : model.parameters().values()) {
            out.add(p.to(Device.CPU).toDoubleArray());
        }
        return out;
    }

    /** Two users' left-padded sequences (one truncated), their next items and fixed negatives. */
    private static List<double[]> nextItem(Device device, SequenceModel model) {
        SequenceBatch batch = new SequenceBatch(2, 4, new int[] {0, 0, 1, 2, 3, 4, 5, 6}, new int[] {0, 0, 2, 7,
            4, 5, 6, 8}, new int[] {0, 0, 9, 5, 1, 9, 2, 3});
        return train(model, device, m -> ((SequenceModel) m).loss(batch));
    }

    private static List<double[]> mlp(Device device) {
        Sequential model = new Sequential(new Dense(4, 8, Activation.RELU, rng(1)), new Dropout(0.3, 7L),
                new Dense(8, 1, Activation.LINEAR, rng(2)));
        Tensor x = data(3, 6, 4).to(device);
        Tensor y = data(4, 6, 1).to(device);
        return train(model, device, m -> Losses.mse(((Sequential) m).forward(x), y));
    }

    /** Two epochs of {@link CtrTraining#fit} (batches, penalty, evaluation, early stopping) on the device. */
    private static List<double[]> din(Device device, Pooling pooling) {
        CtrData d = CtrFixtures.synthetic();
        DinConfig c = new DinConfig(4, new int[] {6, 3}, Unit.DICE, pooling, 5, Unit.DICE, 0.2);
        return fitCtr(device, new DinModel(d.userIds(), d.genres(), c, DType.F32, rng(1)), d);
    }

    private static List<double[]> logisticCtr(Device device) {
        CtrData d = CtrFixtures.synthetic();
        return fitCtr(device, new LogisticCtr(d.userIds(), d.genres(), DType.F32, rng(1)), d);
    }

    private static List<double[]> fitCtr(Device device, CtrModel model, CtrData d) {
        model.to(device);
        CtrTraining.Result r = CtrTraining.fit(model, d.train(), d.validation(),
                new CtrTraining.Settings(64, 1e-2, 2, 1, 1e-3), rng(2), e -> { });
        double[] scores = r.epochs().stream().flatMapToDouble(e -> java.util.stream.DoubleStream.of(e.trainLoss(),
                e.validation().auc(), e.validation().logLoss())).toArray();
        List<double[]> out = withParameters(scores, model);
        model.buffers().values().forEach(b -> out.add(b.to(Device.CPU).toDoubleArray()));
        return out;
    }

    private static List<double[]> twoHeadUplift(Device device) {
        TwoHeadUplift model = new TwoHeadUplift(4, 5, rng(1));
        Tensor x = data(3, 6, 4).to(device);
        Tensor treatment = Tensor.of(new float[] {1, 0, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0}, 6, 2).to(device);
        Tensor y = Tensor.of(new float[] {1, 0, 0, 1, 1, 0}, 6, 1).to(device);
        return train(model, device, m -> ((TwoHeadUplift) m).loss(x, treatment, y));
    }

    private static List<double[]> twoHeadUpliftFit(Device device) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        double[][] x = new double[60][];
        int[] t = new int[60];
        double[] y = new double[60];
        for (int i = 0; i < 60; i++) {
            x[i] = new double[] {1, r.nextGaussian(), r.nextGaussian()};
            t[i] = i % 2;
            y[i] = r.nextDouble() < (t[i] == 1 ? 0.6 : 0.3) ? 1 : 0;
        }
        UpliftData data = new UpliftData(x, t, y);
        TwoHeadUplift model = TwoHeadUplift.fit(data, new TwoHeadUplift.Training(4, 6, 16, 1e-2, 0.1, 0.25, 2, TwoHeadUplift.Stopping.UPLIFT_LOSS), rng(2),
                device);
        return List.of(model.score(x));
    }

    private static List<double[]> reinforcePolicy(Device device) {
        CampaignPolicy model = new CampaignPolicy(4, 3, 5, DType.F32, rng(1));
        Tensor x = data(3, 6, 4).to(device);
        Tensor actions = Tensor.of(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0}, 6, 3).to(device);
        Tensor returns = data(4, 6, 1).to(device);
        return train(model, device, m -> ((CampaignPolicy) m).loss(x, actions, returns));
    }

    private static List<double[]> responseNetwork(Device device) {
        float[] x = {0.5f, -1, 1, 0, -0.3f, 2, 0, 1, 1.2f, 0.1f, 1, 0, -2, 0.4f, 0, 1};
        int[] labels = {1, 0, 1, 0, 0, 1, 1, 0};
        var learner = new jgrad.campaign.NeuralResponse(5, 0.5, 1e-2, 1e-2, 3, 3, true, device);
        return List.of(learner.fitAndScore(x, labels, x, 2, 7));
    }

    private static List<double[]> neuralBandit(Device device) {
        NeuralEpsilonGreedy model = new NeuralEpsilonGreedy(3, 4, 5, 0.1, 0, 1, rng(1), Device.CPU);
        Tensor x = data(3, 6, 4).to(device);
        Tensor played = Tensor.of(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0}, 6, 3).to(device);
        Tensor rewards = Tensor.of(new float[] {1, 0, 0, 1, 1, 0}, 6, 1).to(device);
        return train(model, device, m -> ((NeuralEpsilonGreedy) m).loss(x, played, rewards));
    }

    private static List<double[]> classifier(Device device) {
        Dense model = new Dense(5, 3, Activation.LINEAR, rng(1));
        Tensor x = data(3, 7, 5).to(device);
        Tensor labels = Tensor.of(new float[] {0, 2, 1, 1, 0, 2, 2}, 7);
        return train(model, device, m -> Losses.softmaxCrossEntropy(((Dense) m).forward(x), labels));
    }

    private static List<double[]> dpSgd(Device device) {
        Sequential model = new Sequential(new Dense(5, 4, Activation.RELU, rng(1)), new Dense(4, 3, Activation.LINEAR, rng(2)));
        return dpEpochs(model, device, data(3, 20, 5).to(device));
    }

    private static List<double[]> dpSgdConvolution(Device device) {
        Sequential model = new Sequential(
                new Conv2D(2, 3, new int[] {3, 3}, new int[] {1, 1}, Padding.same(), new int[] {1, 1}, Activation.TANH,
                        DType.F32, rng(1)),
                new MaxPool2D(2), new Dropout(0.2, 5L), new Flatten(), new Dense(3 * 2 * 2, 3, Activation.LINEAR, rng(2)));
        return dpEpochs(model, device, data(3, 20, 2, 5, 5).to(device));
    }

    private static List<double[]> dpSgdSequences(Device device) {
        float[] ids = new float[20 * 4];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (i * 7) % 9;
        }
        Sequential model = new Sequential(new Embedding(9, 4, DType.F32, rng(1)),
                new Lstm(4, 5, true, DType.F32, rng(2)), new Gru(5, 4, true, DType.F32, rng(3)),
                new Rnn(4, 3, 4, Activation.TANH, Activation.LINEAR, false, DType.F32, rng(4)),
                new LayerNorm(4, 1e-5, DType.F32), new Dense(4, 3, Activation.LINEAR, rng(5)));
        return dpEpochs(model, device, Tensor.of(ids, 20, 4).to(device));
    }

    private static List<double[]> dpSgdAttention(Device device) {
        Sequential model = new Sequential(new Dense(5, 4, Activation.LINEAR, rng(1)),
                new PositionalEmbedding(3, 4, DType.F32, rng(2)),
                new TransformerBlock(4, 2, 6, true, true, 0.1, 1e-5, DType.F32, rng(3)),
                new MultiHeadAttention(4, 1, false, DType.F32, rng(4)),
                new Attention(Attention.Score.MLP, 4, 4, 3, DType.F32, rng(5)), new Dense(4, 3, Activation.LINEAR, rng(6)));
        return dpEpochs(model, device, data(3, 20, 3, 5).to(device));
    }

    /** STEPS epochs of DP-SGD on 20 examples of three classes; returns the final parameters. */
    private static List<double[]> dpEpochs(Sequential model, Device device, Tensor x) {
        model.to(device);
        float[] classes = new float[20];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = i % 3;
        }
        Tensor labels = Tensor.of(classes, 20).to(device);
        DpSgd dp = DpSgd.of(Adam.keras(1e-2), 1.0, 1.1, 0.25, 20, 5).bind(model);
        SplittableRandom batches = rng(9);
        for (int e = 0; e < STEPS; e++) {
            dp.epoch(x, labels, Losses::softmaxCrossEntropy, batches);
        }
        List<double[]> weights = new ArrayList<>();
        model.parameters().values().forEach(p -> weights.add(p.to(Device.CPU).toDoubleArray()));
        return weights;
    }

    private static List<double[]> pairDpSgd(Device device) {
        BiasedMF model = new BiasedMF(4, 5, 3, 3.0, true, DType.F32, rng(1));
        model.to(device);
        int[] users = {0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3};
        int[] items = {0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1};
        float[] ratings = new float[users.length];
        for (int i = 0; i < ratings.length; i++) {
            ratings[i] = 1 + i % 5;
        }
        Tensor y = Tensor.of(ratings, ratings.length, 1).to(device);
        PairDpSgd dp = PairDpSgd.of(Adam.keras(1e-2), 1.0, 1.1, 0.5, users.length, 5).bind(model);
        SplittableRandom batches = rng(9);
        for (int e = 0; e < STEPS; e++) {
            dp.epoch(users, items, y, Losses::mse, batches);
        }
        List<double[]> weights = new ArrayList<>();
        model.parameters().values().forEach(p -> weights.add(p.to(Device.CPU).toDoubleArray()));
        return weights;
    }

    private static List<double[]> embedding(Device device) {
        Embedding table = new Embedding(6, 3, DType.F32, rng(1));
        int[] ids = {1, 4, 1, 5};
        Tensor target = data(2, 4, 3).to(device);
        return train(table, device, m -> Losses.mse(((Embedding) m).lookup(m.parameters(), ids, 4), target));
    }

    private static List<double[]> sequence(Device device, String kind) {
        Module layer = switch (kind) {
            case "rnn" -> new Rnn(3, 4, 2, Activation.TANH, rng(1));
            case "lstm" -> new Lstm(3, 4, true, DType.F32, rng(1));
            default -> new Gru(3, 4, true, DType.F32, rng(1));
        };
        Tensor x = data(2, 2, 5, 3).to(device);
        return train(layer, device, m -> {
            Tensor out = switch (m) {
                case Rnn r -> r.forward(x);
                case Lstm l -> l.forward(x);
                case Gru g -> g.forward(x);
                default -> throw new IllegalStateException();
            };
            return out.mul(out).mean();
        });
    }

    private static List<double[]> attention(Device device, Attention.Score score) {
        Attention layer = new Attention(score, 4, 4, 3, DType.F32, rng(1));
        Tensor x = data(2, 2, 5, 4).to(device).requiresGrad(true);    // dot attention has no parameters of its own
        Tensor h = data(3, 2, 4).to(device);
        Tensor mask = Tensor.of(new float[] {1, 1, 0, 1, 0, 1, 1, 1, 1, 1}, 2, 5).to(device);
        List<double[]> out = train(layer, device, m -> {
            Attention.Output o = ((Attention) m).forward(x, h, mask);
            return o.c().mul(o.c()).sum().add(o.alpha().mul(o.alpha()).sum());
        });
        out.add(x.grad().to(Device.CPU).toDoubleArray());
        return out;
    }

    private static List<double[]> cnn(Device device) {
        Sequential model = new Sequential(
                new Conv2D(2, 3, new int[] {3, 3}, new int[] {1, 1}, Padding.same(), new int[] {1, 1}, Activation.RELU,
                        DType.F32, rng(1)),
                new BatchNorm(3, DType.F32), new MaxPool2D(2), new AvgPool2D(new int[] {2, 2}, new int[] {1, 1}, new int[] {1, 1}),
                new Flatten(), new Dropout(0.2, 5L), new Dense(3 * 3 * 3, 2, Activation.LINEAR, rng(2)));
        Tensor x = data(3, 4, 2, 5, 5).to(device);
        Tensor y = data(4, 4, 2).to(device);
        List<double[]> out = train(model, device, m -> Losses.mse(((Sequential) m).forward(x), y));
        model.buffers().values().forEach(b -> out.add(b.to(Device.CPU).toDoubleArray()));
        return out;
    }

    private static List<double[]> conv1d(Device device) {
        Sequential model = new Sequential(new Conv1D(3, 4, 2, 2, Padding.of(1), 2, Activation.TANH, DType.F32, rng(1)),
                new GlobalAveragePooling());
        Tensor x = data(3, 2, 3, 9).to(device);
        return train(model, device, m -> {
            Tensor o = ((Sequential) m).forward(x);
            return o.mul(o).mean();
        });
    }

    private static List<double[]> transformer(Device device) {
        PositionalEmbedding positions = new PositionalEmbedding(6, 4, DType.F32, rng(1));
        TransformerBlock block = new TransformerBlock(4, 2, 4, true, true, 0.2, 1e-5, DType.F32, rng(2));
        Tensor x = data(3, 2, 5, 4).to(device);
        Tensor mask = Tensor.of(new float[] {1, 1, 1, 0, 0, 1, 1, 1, 1, 1}, 2, 5).to(device);
        positions.to(device);
        return train(block, device, m -> {
            Tensor o = ((TransformerBlock) m).forward(positions.forward(x), mask);
            return o.mul(o).mean();
        });
    }

    private static final List<List<String>> SENTENCES = List.of(List.of("a", "great", "film"),
            List.of("awful", "plot", "and", "cast"), List.of("great", "cast"), List.of("the", "film", "was", "awful"),
            List.of("great", "great", "story", "!"), List.of("awful"));

    private static List<double[]> sentiment(Device device, SentimentModel.Kind kind) {
        LabeledSentences data = new LabeledSentences(SENTENCES, new int[] {1, 0, 1, 0, 1, 0});
        SentimentModel m = SentimentModel.train(kind, data, new SentimentSettings(2, 4, 1e-2, 4, 3, 1, 8, 7), device);
        List<double[]> out = new ArrayList<>();
        out.add(m.positiveProbabilities(SENTENCES));
        m.network().parameters().values().forEach(p -> out.add(p.to(Device.CPU).toDoubleArray()));
        return out;
    }

    private static List<double[]> copywriter(Device device) {
        List<CopyLine> lines = List.of(CopyLine.of("Horror", "Fear"), CopyLine.of("Comedy", "Joy (1999)"),
                CopyLine.of("Comedy|Romance", "Love, Actually"));
        Copywriter w = Copywriter.train(lines, new CopySettings(2, 2, 1e-2, 4, 5, 2, 3), device, (writer, e) -> { });
        List<double[]> out = new ArrayList<>();
        out.add(new double[] {w.bitsPerCharacter(lines)});
        out.add(w.write("Comedy", 1.0, 3, new jgrad.random.PhiloxRandom(5), 12).chars().asDoubleStream().toArray());
        w.network().parameters().values().forEach(p -> out.add(p.to(Device.CPU).toDoubleArray()));
        return out;
    }

    private static List<double[]> gan(Device device) {
        Generator g = new Generator(new int[] {2, 6, 3}, List.of(Activation.RELU, Activation.LINEAR), DType.F32, rng(1));
        Discriminator d = new Discriminator(new int[] {3, 5, 1}, List.of(Activation.RELU, Activation.SIGMOID), DType.F32,
                rng(2));
        g.to(device);
        d.to(device);
        Optimizer og = Adam.keras(1e-2).bind(g);
        Optimizer od = Adam.keras(1e-2).bind(d);
        GanTrainer trainer = new GanTrainer(g, d, params -> od.step(), params -> og.step(), 1, GanLoss.NON_SATURATING);
        double[] losses = new double[2 * STEPS];
        for (int s = 0; s < STEPS; s++) {
            long seed = s;
            GanTrainer.StepLosses l = trainer.step(() -> data(10 + seed, 4, 3).to(device), () -> data(20 + seed, 4, 2).to(device));
            losses[2 * s] = l.discriminator();
            losses[2 * s + 1] = l.generator();
        }
        List<double[]> out = withParameters(losses, g);
        out.addAll(withParameters(new double[0], d));
        return out;
    }

    /** CTGAN trained on a device, then sampled: the losses, both networks' weights and the decoded rows. */
    private static List<double[]> ctgan(Device device) {
        Schema schema = Schema.of(Column.of("v", ColumnType.DOUBLE), Column.of("c", ColumnType.STRING));
        StringBuilder csv = new StringBuilder("v,c\n");
        for (int r = 0; r < 12; r++) {
            csv.append(r % 3 == 0 ? -1.5 + r : 4.25 - r).append(',').append(r % 3 == 0 ? "a" : "b").append('\n');
        }
        Table table;
        try {
            table = new CsvReader(CsvFormat.csv(), schema).read(new java.io.StringReader(csv.toString()), "ctgan.csv",
                    BadRows.failFast());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Ctgan gan = Ctgan.create(table, List.of("v"), List.of("c"), new Ctgan.Options(STEPS, 4, 2, 3, 2, 1e-2, 10, 0.2, 5),
                DType.F32);
        gan.to(device);
        double[] losses = gan.fit(table, l -> { }).stream().flatMapToDouble(l -> java.util.stream.DoubleStream.of(
                l.critic(), l.generator())).toArray();
        List<double[]> out = withParameters(losses, gan.generator());
        out.addAll(withParameters(new double[0], gan.critic()));
        out.add(gan.sample(5, 6).doubles("v"));
        return out;
    }

    private static List<double[]> autoencoder(Device device) {
        Autoencoder ae = new Autoencoder(4, new int[] {3}, 2, 0.25, DType.F32, rng(1));
        ae.to(device);
        double[][] rows = rows(5, 10, 4);
        double[] losses = ProfileTraining.fit(ae, ae::loss, rows, STEPS, 4, 1e-2, 3);
        List<double[]> out = withParameters(losses, ae);
        for (double[] code : ProfileTraining.apply(ae, ae::encode, rows)) {
            out.add(code);
        }
        return out;
    }

    private static List<double[]> vae(Device device) {
        Vae vae = new Vae(new TabularLayout(2, new int[] {2}), 3, 2, DType.F32, rng(1));
        vae.to(device);
        double[][] rows = rows(6, 8, 4);
        for (double[] row : rows) {
            row[2] = row[2] > 0 ? 1 : 0;
            row[3] = 1 - row[2];
        }
        var noise = new jgrad.random.PhiloxRandom(4);
        double[] losses = ProfileTraining.fit(vae, x -> vae.loss(x, noise), rows, STEPS, 4, 1e-2, 3);
        List<double[]> out = withParameters(losses, vae);
        out.addAll(List.of(vae.sample(5, new jgrad.random.PhiloxRandom(5))));
        return out;
    }

    private static List<double[]> rbm(Device device, Rbm.Visible kind, boolean persistent) {
        Rbm rbm = new Rbm(4, 3, kind, DType.F32, rng(1));
        rbm.to(device);
        double[][] rows = rows(7, 8, 4);
        if (kind == Rbm.Visible.BERNOULLI) {
            for (double[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = row[i] > 0 ? 1 : 0;
                }
            }
        }
        double[] errors = RbmTraining.fit(rbm, rows, STEPS, 4, 0.1, 2, persistent, 3);
        List<double[]> out = withParameters(errors, rbm);
        out.add(new double[] {RbmLikelihood.logPartition(rbm).to(Device.CPU).item()});
        return out;
    }

    private static double[][] rows(long seed, int n, int width) {
        double[] flat = data(seed, n, width).to(DType.F64).toDoubleArray();
        double[][] out = new double[n][width];
        for (int r = 0; r < n; r++) {
            System.arraycopy(flat, r * width, out[r], 0, width);
        }
        return out;
    }

    private static List<double[]> fitPairs(Device device, PairModel model) {
        int[] users = {0, 1, 2, 3, 4, 5, 6, 0, 3, 6};
        int[] items = {0, 8, 2, 3, 4, 5, 6, 7, 1, 8};
        Tensor ratings = Tensor.of(new float[] {4, 3, 5, 1, 2, 4, 3, 5, 2, 1}, 10, 1);
        model.to(device);
        model.compile(Adam.keras(1e-2), Losses::mse);
        var history = model.fit(PairModel.inputs(users, items), ratings, Fit.epochs(2).batchSize(4).seed(3));
        double[] losses = history.get("loss").stream().mapToDouble(Double::doubleValue).toArray();
        List<double[]> out = withParameters(losses, model);
        out.add(model.predictPairs(users, items));
        out.add(model.scoreItems(2));
        return out;
    }

    private static List<double[]> fitUserMlp(Device device) {
        UserMlpRecommender model = new UserMlpRecommender(5, 6, 3, 4, DType.F32, rng(6));
        model.to(device);
        double[] scores = model.scoreItems(1);
        return withParameters(scores, model);
    }

    private static List<double[]> fitSequential(Device device) {
        Sequential model = new Sequential(new Dense(3, 5, Activation.SIGMOID, rng(1)), new Dense(5, 2, Activation.LINEAR, rng(2)));
        model.to(device);
        model.compile(Adam.keras(1e-2), Losses::mse);
        var history = model.fit(data(3, 9, 3), data(4, 9, 2), Fit.epochs(2).batchSize(4).seed(5));
        List<double[]> out = withParameters(history.get("loss").stream().mapToDouble(Double::doubleValue).toArray(), model);
        out.add(model.predict(data(5, 4, 3)).toDoubleArray());
        out.add(model.evaluate(data(6, 4, 3), data(7, 4, 2)).values().stream().mapToDouble(Double::doubleValue).toArray());
        return out;
    }
}
