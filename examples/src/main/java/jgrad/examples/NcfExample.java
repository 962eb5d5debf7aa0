package jgrad.examples;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import jgrad.backend.DType;
import jgrad.data.LeaveOneOutData;
import jgrad.io.ModelFiles;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.optim.SGD;
import jgrad.recsys.LeaveOneOutTraining;
import jgrad.recsys.Ncf;

/**
 * {@code gmf}, {@code ncf-mlp}, {@code neumf} (He et al. 2017) on MovieLens 100K with the leave-one-out
 * protocol: each user's latest rating is held out and ranked among the 99 items of the shared candidates
 * file; training sees every other rating as a positive with 4 fresh uniform negatives each epoch, BCE,
 * Adam 1e-3, batches of 256. {@code neumf --pretrain} first trains a GMF and an MLP until convergence,
 * keeps each at its best epoch, then starts NeuMF from them and trains it with vanilla SGD (the paper's
 * §3.4.1).
 */
public final class NcfExample implements Example {

    public static final int FACTORS = 8;
    public static final int MLP_DIM = 32;
    private static final int[] LAYERS = {32, 16, 8};
    public static final int NEGATIVES = 4;
    public static final int BATCH = 256;
    public static final int K = 10;
    /** Items of the candidates file each held-out item is ranked among. */
    public static final int CANDIDATES = 99;
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

    /** The MLP tower's layer widths, a copy (the model's own array stays this command's). */
    public static int[] layers() {
        return LAYERS.clone();
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

    @Override
    public int run(String[] args, PrintStream out, ExampleReport hook) throws Exception {
        boolean pretrain = kind == Ncf.Kind.NEUMF && Arrays.asList(args).contains("--pretrain");
        String[] rest = Arrays.stream(args).filter(a -> !a.equals("--pretrain") || kind != Ncf.Kind.NEUMF)
                .toArray(String[]::new);
        ExampleOptions o = ExampleOptions.parse(rest, List.of("--data", "--epochs", "--seed", "--save"), 20, 1);
        LeaveOneOutData data = MovieLensFiles.open(o.data()).leaveOneOut(MovieLensFiles.looNegatives(o.data()),
                CANDIDATES);
        out.println(name + ": " + summary() + (pretrain ? ", pretrained" : ""));
        out.printf("MovieLens 100K leave-one-out: %d users, %d movies, %,d training positives, %d negatives per "
                + "positive per epoch, %d held-out items ranked among %d candidates each%n", data.numUsers(),
                data.numItems(), data.train().size(), NEGATIVES, data.heldOut(), CANDIDATES);
        out.printf("Adam 1e-3%s, batch %d, epochs %d, seed %d; GMF %d factors, MLP embeddings %d + %d -> %s%n",
                pretrain ? " (GMF and MLP until HR@10 stalls for " + PRETRAIN_PATIENCE + " epochs, then SGD "
                        + PRETRAINED_SGD_LR + " for NeuMF)" : "", BATCH, o.epochs(), o.seed(),
                FACTORS, MLP_DIM, MLP_DIM, Arrays.toString(LAYERS));
        LeaveOneOutTraining training = new LeaveOneOutTraining(data, NEGATIVES, BATCH, K);
        Ncf model;
        if (pretrain) {
            Ncf gmf = pretrain(training, build(Ncf.Kind.GMF, data, o.seed()), o.seed(), "gmf   ", out, hook);
            Ncf mlp = pretrain(training, build(Ncf.Kind.MLP, data, o.seed() + 1), o.seed(), "mlp   ", out, hook);
            model = Ncf.neuMfFrom(gmf, mlp, ALPHA);
            out.printf(Locale.ROOT, "NeuMF starts from the GMF and the MLP above (alpha %.1f)%n", ALPHA);
        } else {
            model = build(kind, data, o.seed());
        }
        Optimizer optimizer = pretrain ? new SGD(PRETRAINED_SGD_LR) : Adam.keras(1e-3);
        RecsysReport report = new RecsysReport(pretrain ? "neumf " : "", o.epochs(), out).recording(hook);
        LeaveOneOutTraining.Result t = training.train(model, optimizer, o.epochs(), o.seed(), report::epoch);
        String hr = training.hitRateKey();
        String ndcg = training.ndcgKey();
        out.printf(Locale.ROOT, "final: HR@10 %.4f  NDCG@10 %.4f after %d epochs; best HR@10 %.4f (NDCG@10 %.4f) at "
                + "epoch %d; %.2f s per training epoch (%,d steps of %d)%n", t.last().logs().get(hr),
                t.last().logs().get(ndcg), t.epochs().size(), t.best().logs().get(hr), t.best().logs().get(ndcg),
                t.bestEpoch() + 1, t.secondsPerEpoch(), (data.train().size() * (1 + NEGATIVES) + BATCH - 1) / BATCH,
                BATCH);
        if (o.save() != null) {
            ModelFiles.save(model, o.save(), TrainedUsers.describe(data.train().users()));
            out.println("saved the model and the users it was trained on to " + ModelFiles.weightsPath(o.save()));
        }
        return 0;
    }

    /**
     * A part of the pretrained NeuMF, trained with Adam 1e-3 until its HR@10 has not improved for
     * {@link #PRETRAIN_PATIENCE} epochs, ending with the weights of its best epoch.
     */
    private static Ncf pretrain(LeaveOneOutTraining training, Ncf part, long seed, String label, PrintStream out,
            ExampleReport hook) {
        RecsysReport report = new RecsysReport(label, PRETRAIN_MAX_EPOCHS, out).recording(hook);
        LeaveOneOutTraining.Result r = training.trainUntilStalled(part, Adam.keras(1e-3), PRETRAIN_PATIENCE,
                PRETRAIN_MAX_EPOCHS, seed, report::epoch);
        out.printf(Locale.ROOT, "%skept the weights of epoch %d (HR@10 %.4f)%n", label, r.bestEpoch() + 1,
                r.best().logs().get(training.hitRateKey()));
        return part;
    }

    private static Ncf build(Ncf.Kind kind, LeaveOneOutData data, long seed) {
        Ncf model = new Ncf(kind, data.numUsers(), data.numItems(), FACTORS, MLP_DIM, LAYERS, DType.F32,
                new SplittableRandom(seed));
        model.to(BackendOption.device());
        return model;
    }
}
