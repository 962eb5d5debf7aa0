package jgrad.examples;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import jgrad.data.BadRows;
import jgrad.data.ImplicitExamples;
import jgrad.data.NegativeSampler;
import jgrad.data.Ratings;
import jgrad.data.movielens.LeaveOneOutNegatives;
import jgrad.data.movielens.MovieLens100k;
import jgrad.data.prep.IdIndex;
import jgrad.data.split.Split;
import jgrad.data.split.Splits;
import jgrad.io.ModelFiles;
import jgrad.nn.loss.Losses;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.optim.SGD;
import jgrad.recsys.Evaluation;
import jgrad.recsys.Ncf;
import jgrad.recsys.PairModel;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;
import jgrad.train.Fit;
import jgrad.train.WeightsSnapshot;

/**
 * {@code gmf}, {@code ncf-mlp}, {@code neumf} (He et al. 2017) on MovieLens 100K with the leave-one-out
 * protocol: each user's latest rating is held out and ranked among the 99 items of the shared candidates
 * file; training sees every other rating as a positive with 4 fresh uniform negatives each epoch, BCE,
 * Adam 1e-3, batches of 256. {@code neumf --pretrain} first trains a GMF and an MLP until convergence,
 * keeps each at its best epoch, then starts NeuMF from them and trains it with vanilla SGD (the paper's
 * §3.4.1).
 */
final class NcfExample implements Example {

    static final int FACTORS = 8;
    static final int MLP_DIM = 32;
    static final int[] LAYERS = {32, 16, 8};
    static final int NEGATIVES = 4;
    static final int BATCH = 256;
    static final int K = 10;
    static final double ALPHA = 0.5;
    /** The paper (§3.4.1) trains the pretrained NeuMF with vanilla SGD: Adam's moments were not pretrained. */
    static final double PRETRAINED_SGD_LR = 1e-3;
    /**
     * The paper pretrains GMF and MLP "until convergence". On ML-100K an epoch is a tenth of ML-1M's, and GMF
     * at Adam 1e-3 is still improving after 20 epochs, so each part trains until its HR@10 has not improved
     * for {@code PRETRAIN_PATIENCE} epochs, at most {@code PRETRAIN_MAX_EPOCHS}.
     */
    static final int PRETRAIN_PATIENCE = 10;
    static final int PRETRAIN_MAX_EPOCHS = 100;

    private final Ncf.Kind kind;
    private final String name;

    NcfExample(Ncf.Kind kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    @Override public String name() { return name; }

    @Override
    public String summary() {
        return switch (kind) {
            case GMF -> "NCF's GMF, 8 factors, leave-one-out HR@10 / NDCG@10";
            case MLP -> "NCF's MLP, embeddings 32 + 32 -> 32-16-8, leave-one-out HR@10 / NDCG@10";
            case NEUMF -> "NCF's NeuMF (GMF + MLP), optionally --pretrain, leave-one-out HR@10 / NDCG@10";
        };
    }

    /** The data of one run: dense ids, the training positives, the held-out items and their candidates. */
    record Data(int numUsers, int numItems, Ratings train, int[] users, int[] testItems, int[][] negatives) {
    }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        boolean pretrain = kind == Ncf.Kind.NEUMF && Arrays.asList(args).contains("--pretrain");
        String[] rest = Arrays.stream(args).filter(a -> !a.equals("--pretrain") || kind != Ncf.Kind.NEUMF)
                .toArray(String[]::new);
        ExampleOptions o = ExampleOptions.parse(rest, List.of("--data", "--epochs", "--seed", "--save"), 20, 1);
        Data data = load(o);
        out.println(name + ": " + summary() + (pretrain ? ", pretrained" : ""));
        out.printf("MovieLens 100K leave-one-out: %d users, %d movies, %,d training positives, %d negatives per "
                + "positive per epoch, %d held-out items ranked among 99 candidates each%n", data.numUsers(),
                data.numItems(), data.train().size(), NEGATIVES, data.users().length);
        out.printf("Adam 1e-3%s, batch %d, epochs %d, seed %d; GMF %d factors, MLP embeddings %d + %d -> %s%n",
                pretrain ? " (GMF and MLP until HR@10 stalls for " + PRETRAIN_PATIENCE + " epochs, then SGD "
                        + PRETRAINED_SGD_LR + " for NeuMF)" : "", BATCH, o.epochs(), o.seed(),
                FACTORS, MLP_DIM, MLP_DIM, Arrays.toString(LAYERS));
        Ncf model;
        if (pretrain) {
            Ncf gmf = pretrain(build(Ncf.Kind.GMF, data, o.seed()), data, o, "gmf   ", out);
            Ncf mlp = pretrain(build(Ncf.Kind.MLP, data, o.seed() + 1), data, o, "mlp   ", out);
            model = Ncf.neuMfFrom(gmf, mlp, ALPHA);
            out.printf(Locale.ROOT, "NeuMF starts from the GMF and the MLP above (alpha %.1f)%n", ALPHA);
        } else {
            model = build(kind, data, o.seed());
        }
        Optimizer optimizer = pretrain ? new SGD(PRETRAINED_SGD_LR) : Adam.keras(1e-3);
        Trained t = train(model, optimizer, data, o.epochs(), o.seed(), pretrain ? "neumf " : "", false, out);
        int best = t.report.bestEpoch("hr@10", true);
        out.printf(Locale.ROOT, "final: HR@10 %.4f  NDCG@10 %.4f after %d epochs; best HR@10 %.4f (NDCG@10 %.4f) at "
                + "epoch %d; %.2f s per training epoch (%,d steps of %d)%n", t.report.history("hr@10").getLast(),
                t.report.history("ndcg@10").getLast(), t.report.epochsRun(), t.report.history("hr@10").get(best),
                t.report.history("ndcg@10").get(best), best + 1, t.report.secondsPerEpoch(),
                (data.train().size() * (1 + NEGATIVES) + BATCH - 1) / BATCH, BATCH);
        if (o.save() != null) {
            ModelFiles.save(model, o.save());
            out.println("saved " + ModelFiles.architecturePath(o.save()) + " and " + ModelFiles.weightsPath(o.save()));
        }
        return 0;
    }

    private record Trained(Ncf model, RecsysReport report) {
    }

    /** A part of the pretrained NeuMF, trained with Adam 1e-3 until convergence, ending at its best epoch. */
    private static Ncf pretrain(Ncf part, Data data, ExampleOptions o, String label, PrintStream out) {
        return train(part, Adam.keras(1e-3), data, PRETRAIN_MAX_EPOCHS, o.seed(), label, true, out).model;
    }

    /**
     * Epochs of one-epoch fits, each on fresh negatives. With {@code keepBest} training stops once HR@10 has
     * not improved for {@link #PRETRAIN_PATIENCE} epochs and the model ends with the weights of its best
     * epoch, as the NCF authors' code saves the GMF and MLP it pretrains.
     */
    private static Trained train(Ncf model, Optimizer optimizer, Data data, int epochs, long seed, String label,
            boolean keepBest, PrintStream out) {
        model.to(BackendOption.device());
        model.compile(optimizer, Losses::binaryCrossEntropy);
        RecsysReport report = new RecsysReport(label, epochs, m -> ranking((PairModel) m, data), out);
        NegativeSampler sampler = new NegativeSampler(data.train().users(), data.train().items(), data.numUsers(),
                data.numItems());
        SplittableRandom negatives = new SplittableRandom(seed);
        WeightsSnapshot best = new WeightsSnapshot();
        for (int epoch = 0; epoch < epochs; epoch++) {
            ImplicitExamples ex = sampler.epoch(data.train().users(), data.train().items(), NEGATIVES, negatives);
            model.fit(PairModel.inputs(ex.users(), ex.items()), Tensor.of(ex.labels(), ex.size(), 1),
                    Fit.epochs(1).batchSize(BATCH).seed(seed * 1000 + epoch).verbose(0).callbacks(report));
            int bestEpoch = report.bestEpoch("hr@10", true);
            if (keepBest && bestEpoch == epoch) {
                best.take(model);
            }
            if (keepBest && epoch - bestEpoch >= PRETRAIN_PATIENCE) {
                break;
            }
        }
        if (keepBest) {
            best.restore(model);
            int e = report.bestEpoch("hr@10", true);
            out.printf(Locale.ROOT, "%skept the weights of epoch %d (HR@10 %.4f)%n", label, e + 1,
                    report.history("hr@10").get(e));
        }
        return new Trained(model, report);
    }

    static Map<String, Double> ranking(PairModel model, Data data) {
        Evaluation.Ranking r = Evaluation.leaveOneOut(model, data.users(), data.testItems(), data.negatives(), K);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("hr@10", r.hitRate());
        m.put("ndcg@10", r.ndcg());
        return m;
    }

    private static Ncf build(Ncf.Kind kind, Data data, long seed) {
        return new Ncf(kind, data.numUsers(), data.numItems(), FACTORS, MLP_DIM, LAYERS, DType.F32,
                new SplittableRandom(seed));
    }

    /** u.data split leave-one-out, checked against the held-out items of the candidates file. */
    static Data load(ExampleOptions o) {
        MovieLens100k ml = MovieLensFiles.open(o.data());
        IdIndex users = IdIndex.ofRange(1, ml.userCount());
        IdIndex items = IdIndex.ofRange(1, ml.itemCount());
        Ratings all = IdIndex.reindex(ml.ratings(), users, items);
        Split<Ratings> split = Splits.apply(all, Splits.leaveOneOut(all));
        LeaveOneOutNegatives loo = LeaveOneOutNegatives.read(MovieLensFiles.looNegatives(o.data()), 99, items.size(),
                BadRows.failFast());
        Map<Integer, Integer> heldOut = new java.util.HashMap<>();
        for (int r = 0; r < split.test().size(); r++) {
            heldOut.put(split.test().users()[r], split.test().items()[r]);
        }
        int n = loo.size();
        int[] u = new int[n];
        int[] test = new int[n];
        int[][] neg = new int[n][];
        for (int r = 0; r < n; r++) {
            u[r] = users.index(loo.users()[r]);
            test[r] = items.index(loo.testItems()[r]);
            if (!Integer.valueOf(test[r]).equals(heldOut.get(u[r]))) {
                throw new IllegalStateException("the candidates file holds out movie " + loo.testItems()[r] + " for user "
                        + loo.users()[r] + ", but that user's latest rating is of another movie");
            }
            neg[r] = items.transform(loo.negatives()[r]);
        }
        return new Data(users.size(), items.size(), split.train(), u, test, neg);
    }
}
