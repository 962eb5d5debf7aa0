package jgrad.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.BitSet;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import jgrad.campaign.bank.BankScorer;
import jgrad.data.Ratings;
import jgrad.io.ModelFileException;
import jgrad.io.ModelFiles;
import jgrad.recsys.HistoryRecommender;
import jgrad.recsys.Ncf;
import jgrad.recsys.NcfServing;
import jgrad.recsys.Recommender;
import jgrad.sequence.SequenceData;
import jgrad.sequence.SequenceFiles;
import jgrad.sequence.SequenceModel;
import jgrad.serve.Histories;
import jgrad.serve.ModelSource;
import jgrad.serve.ServedRecommender;
import jgrad.serve.ServingModels;

/**
 * The models {@code serve} reads from files, at start and at each reload: a MovieLens recommender saved by
 * {@code ./jgrad example NAME --save FILE} (an NCF model is served through its fast {@link NcfServing}
 * form) with every user's rated movies from u.data as its history, or a next-item model (SASRec, GRU4Rec)
 * through its immutable snapshot ({@link SequenceModel#forServing}) with each user's whole sequence from
 * {@code sequences} (the ml-100k-seq layout or a {@code user item} file; null: ml-100k-seq) as the history it
 * reads, each user's state computed once at load ({@link jgrad.sequence.UserStates}); and a demo campaign model
 * for {@code /score}. Either may be absent.
 */
public record ServedFiles(Path recommender, Path scorer, Ratings log, Path sequences) implements ModelSource {

    ServedFiles(Path recommender, Path scorer, Ratings log) {
        this(recommender, scorer, log, null);
    }

    /** MovieLens ids count from 1. */
    public static final int FIRST_ID = 1;

    @Override
    public ServingModels load() throws Exception {
        ServedRecommender served = recommender == null ? null : loadRecommender();
        BankScorer bank = scorer == null ? null : ScoreCommand.scorer(scorer);
        return new ServingModels(served, bank, version());
    }

    private ServedRecommender loadRecommender() throws IOException {
        if (!ModelFiles.exists(recommender)) {
            throw new IOException("--model: no model at " + ModelFiles.weightsPath(recommender));
        }
        ModelFiles.Loaded loaded = ModelFiles.read(recommender);
        String name = loaded.file().getFileName().toString();
        loaded.model().to(BackendOption.device());
        if (loaded.model() instanceof SequenceModel sequence) {
            Path path = sequences != null ? sequences : MovieLensFiles.sequences("--sequences");
            SequenceData data = SequenceFiles.read(path, new SplittableRandom(0));
            int[][] histories = Histories.ofSequences(data, FIRST_ID, sequence.numItems(), path.toString());
            BitSet withHistory = new BitSet();
            for (int u = 0; u < histories.length; u++) {
                withHistory.set(u, histories[u].length > 0);
            }
            return ServedRecommender.of(sequence.forServing().forUsers(histories), name, FIRST_ID, histories,
                    withHistory);
        }
        if (sequences != null) {
            throw new ModelFileException(loaded.file(), "holds a " + loaded.model().getClass().getSimpleName()
                    + ", not a sequence model: --sequences is for SASRec and GRU4Rec models");
        }
        if (loaded.model() instanceof HistoryRecommender sequence) {
            int[][] histories = Histories.byTime(log, FIRST_ID, log.maxUser(), sequence.numItems());
            return ServedRecommender.ofHistory(sequence, name, FIRST_ID, histories);
        }
        if (!(loaded.model() instanceof Recommender model)) {
            throw new ModelFileException(loaded.file(), "holds a " + loaded.model().getClass().getSimpleName()
                    + ", not a recommender");
        }
        Recommender fast = model instanceof Ncf ncf ? new NcfServing(ncf) : model;
        int[][] histories = Histories.byTime(log, FIRST_ID, model.numUsers(), model.numItems());
        return ServedRecommender.of(fast, name, FIRST_ID, histories, trainedUsers(loaded));
    }

    private static BitSet trainedUsers(ModelFiles.Loaded loaded) {
        Optional<Set<Integer>> ids = TrainedUsers.of(loaded.preprocessing());
        if (ids.isEmpty()) {
            return null;   // saved by an older jgrad: every user is taken as trained
        }
        BitSet dense = new BitSet();
        ids.get().forEach(id -> dense.set(id - FIRST_ID));
        return dense;
    }

    private String version() {
        StringBuilder sb = new StringBuilder();
        for (Path p : new Path[] {recommender, scorer}) {
            if (p != null) {
                Path file = ModelFiles.weightsPath(p);
                sb.append(sb.isEmpty() ? "" : ", ").append(file.getFileName()).append(" of ").append(modified(file));
            }
        }
        return sb.toString();
    }

    private static String modified(Path file) {
        try {
            return Instant.ofEpochMilli(Files.getLastModifiedTime(file).toMillis()).toString();
        } catch (IOException e) {
            return "unknown time";
        }
    }
}
