package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import jgrad.backend.DType;
import jgrad.io.ModelFiles;
import jgrad.optim.Adam;
import jgrad.sequence.Gru4Rec;
import jgrad.sequence.NextItemEvaluation;
import jgrad.sequence.NextItemTraining;
import jgrad.sequence.PopularityScorer;
import jgrad.sequence.SasRec;
import jgrad.sequence.SequenceData;
import jgrad.sequence.SequenceFiles;
import jgrad.sequence.SequenceModel;

/**
 * {@code pop}, {@code gru4rec}, {@code sasrec}: next-item recommendation on MovieLens 100K as sequences
 * (or any {@code user item} file) with the leave-one-out protocol of {@link NextItemEvaluation}; one line per
 * evaluated epoch, then the test metrics of the epoch chosen on the validation targets.
 */
final class SequenceExample implements Example {

    enum Kind { POP, GRU4REC, SASREC }

    static final int BATCH = 128;
    static final int K = 10;
    static final int MAX_LENGTH = 200;
    static final int GRU_DIM = 64;
    static final double DROPOUT = 0.2;
    /** SASRec's Adam step (the paper's); GRU4Rec's, larger, as GRU4Rec trains with steps of 0.01 and more. */
    static final double SASREC_LR = 1e-3;
    static final double GRU4REC_LR = 1e-2;

    private final Kind kind;

    SequenceExample(Kind kind) {
        this.kind = kind;
    }

    @Override public String name() { return kind.name().toLowerCase(Locale.ROOT); }

    @Override
    public String summary() {
        return switch (kind) {
            case POP -> "most-popular next item, HR@10 / NDCG@10 on 101 candidates and full ranking";
            case GRU4REC -> "GRU4Rec next-item model (GRU, d " + GRU_DIM + ", BCE with sampled negatives)";
            case SASREC -> "SASRec next-item model (2 self-attention blocks, d 50, max length 200)";
        };
    }

    /** pop has no training to report. */
    @Override public boolean reports() { return kind != Kind.POP; }

    @Override
    public int run(String[] args, PrintStream out, ExampleReport report) throws Exception {
        Map<String, String> o = OptionPairs.parse(args, List.of("--data", "--epochs", "--seed", "--save", "--eval-every",
                "--batches", "--block"));
        int epochs = o.containsKey("--epochs") ? Main.positiveInt("--epochs", o.get("--epochs"))
                : kind == Kind.SASREC ? 200 : 100;
        int evalEvery = o.containsKey("--eval-every") ? Main.positiveInt("--eval-every", o.get("--eval-every")) : 1;
        long seed = o.containsKey("--seed") ? ExampleOptions.parseSeed(o.get("--seed")) : 1;
        Path save = o.containsKey("--save") ? ExampleOptions.savePath(o.get("--save")) : null;
        if (kind == Kind.POP && (save != null || o.containsKey("--epochs") || o.containsKey("--eval-every")
                || o.containsKey("--batches"))) {
            throw new UsageException("pop has no training: it takes --data and --seed only");
        }
        if (kind != Kind.SASREC && o.containsKey("--block")) {
            throw new UsageException("--block is SASRec's: " + name() + " has no attention blocks");
        }
        SasRec.Block block = block(o.getOrDefault("--block", "reference"));
        NextItemTraining.Sampling sampling = sampling(o.getOrDefault("--batches", "bucketed"));
        Path path = o.containsKey("--data") ? ExampleOptions.path("--data", o.get("--data"))
                : MovieLensFiles.sequences("--data");
        SequenceData data = SequenceFiles.read(path, new SplittableRandom(seed));
        describe(data, path, out);
        if (kind == Kind.POP) {
            PopularityScorer pop = PopularityScorer.fit(data);
            print(out, "valid", NextItemEvaluation.evaluate(pop, data, SequenceData.Target.VALID, K));
            print(out, "test ", NextItemEvaluation.evaluate(pop, data, SequenceData.Target.TEST, K));
            return 0;
        }
        SequenceModel model = build(data, seed, block);
        model.to(BackendOption.device());
        double lr = kind == Kind.SASREC ? SASREC_LR : GRU4REC_LR;
        out.printf(Locale.ROOT, "%s%s, Adam %.0e (β₂ 0.98), batch %d (%s), %d epochs, seed %d, evaluated every %d%n",
                summary(), kind == Kind.SASREC ? ", " + block.name().toLowerCase(Locale.ROOT) + " blocks" : "", lr,
                BATCH, sampling.name().toLowerCase(Locale.ROOT), epochs, seed, evalEvery);
        NextItemTraining training = new NextItemTraining(data, BATCH, K, sampling);
        Adam adam = new Adam(lr, 0.9, 0.98, 1e-8, false);
        report.title(name() + ": " + summary());
        report.note(String.format(Locale.ROOT, "Adam %.0e, batch %d, %d epochs, seed %d, evaluated every %d epochs", lr,
                BATCH, epochs, seed, evalEvery));
        NextItemTraining.Result r = training.train(model, adam, epochs, evalEvery, seed, e -> {
            progress(out, e);
            report.epoch("", e.epoch(), logs(e));
        });
        NextItemTraining.Epoch best = r.best();
        out.printf(Locale.ROOT, "best epoch %d by validation NDCG@10 (101 candidates); its test metrics:%n", best.epoch());
        print(out, "test ", best.test());
        if (save != null) {
            ModelFiles.save(model, save);
            out.println("saved the model after the last epoch to " + ModelFiles.weightsPath(save));
        }
        return 0;
    }

    private static NextItemTraining.Sampling sampling(String text) {
        return switch (text) {
            case "bucketed" -> NextItemTraining.Sampling.BUCKETED;
            case "random" -> NextItemTraining.Sampling.RANDOM;
            default -> throw new UsageException("--batches must be 'bucketed' (every user once, sorted by length in"
                    + " buckets) or 'random' (users drawn with replacement, as the SASRec authors), got '" + text + "'");
        };
    }

    private static SasRec.Block block(String text) {
        return switch (text) {
            case "prenorm" -> SasRec.Block.PRENORM;
            case "reference" -> SasRec.Block.REFERENCE;
            default -> throw new UsageException("--block must be 'prenorm' (a pre-norm Transformer block) or 'reference'"
                    + " (the SASRec authors' code: residuals from the normalized sequence), got '" + text + "'");
        };
    }

    private SequenceModel build(SequenceData data, long seed, SasRec.Block block) {
        SplittableRandom rng = new SplittableRandom(seed);
        return kind == Kind.SASREC ? new SasRec(data.numItems(), 50, 200, 2, 1, 0.2, block, DType.F32, rng)
                : new Gru4Rec(data.numItems(), GRU_DIM, MAX_LENGTH, DROPOUT, DType.F32, rng);
    }

    private static void describe(SequenceData data, Path path, PrintStream out) {
        out.printf(Locale.ROOT, "%s: %d users (%d with validation and test targets), %d items, %,d training items%n",
                path, data.numUsers(), data.evaluatedUsers(), data.numItems(), data.trainingItems());
        if (data.evaluatedUsers() < data.numUsers()) {
            out.printf("note: %d users have fewer than 3 items: they have no targets and are trained on only%n",
                    data.numUsers() - data.evaluatedUsers());
        }
        int longer = data.longerThan(MAX_LENGTH, SequenceData.Target.TEST);
        if (longer > 0) {
            out.printf("note: %d users' histories are longer than %d items: the models read their last %d "
                    + "(truncated from the left)%n", longer, MAX_LENGTH, MAX_LENGTH);
        }
    }

    private static void progress(PrintStream out, NextItemTraining.Epoch e) {
        out.printf(Locale.ROOT, "epoch %3d  loss %.4f  %5.1f s | valid HR@10 %.4f NDCG@10 %.4f, full %.4f %.4f"
                        + " | test HR@10 %.4f NDCG@10 %.4f, full %.4f %.4f%n", e.epoch(), e.loss(), e.seconds(),
                e.valid().hitRateSampled(), e.valid().ndcgSampled(), e.valid().hitRateFull(), e.valid().ndcgFull(),
                e.test().hitRateSampled(), e.test().ndcgSampled(), e.test().hitRateFull(), e.test().ndcgFull());
    }

    /** An evaluated epoch as learning-curve logs: the training loss, then HR@10 and NDCG@10 on 101 candidates. */
    private static Map<String, Double> logs(NextItemTraining.Epoch e) {
        Map<String, Double> logs = new java.util.LinkedHashMap<>();
        logs.put("loss", e.loss());
        logs.put("val_HR@10", e.valid().hitRateSampled());
        logs.put("test_HR@10", e.test().hitRateSampled());
        logs.put("val_NDCG@10", e.valid().ndcgSampled());
        logs.put("test_NDCG@10", e.test().ndcgSampled());
        return logs;
    }

    private static void print(PrintStream out, String label, NextItemEvaluation.Metrics m) {
        out.printf(Locale.ROOT, "%s HR@10 %.4f  NDCG@10 %.4f  (101 candidates)   HR@10 %.4f  NDCG@10 %.4f  (full ranking)%n",
                label, m.hitRateSampled(), m.ndcgSampled(), m.hitRateFull(), m.ndcgFull());
    }
}
