package jgrad.text;

import java.util.ArrayList;
import java.util.List;

import jgrad.autograd.Autograd;
import jgrad.backend.Device;
import jgrad.tensor.Tensor;

/**
 * {@code settings.ensemble()} {@link SentimentModel}s of one kind trained on the same sentences from different
 * seeds (so with different starts, batch orders, dropout masks and development draws), scored by the mean of
 * their P(positive). Averaging removes part of the variance that one training's random choices add to its
 * predictions; it costs one training per member. Member 0 has the settings' own seed, so an ensemble of one
 * is the single model.
 */
public final class SentimentEnsemble {

    /** Between the seeds of two members: far apart from the fold seeds seed + i of {@link CrossValidation}. */
    static final long MEMBER_SEED_STRIDE = 1_000_003L;

    private final List<SentimentModel> members;

    private SentimentEnsemble(List<SentimentModel> members) {
        this.members = List.copyOf(members);
    }

    /** Trains every member on {@code train} (each as {@link SentimentModel#train}), member m with {@link #memberSeed}. */
    public static SentimentEnsemble train(SentimentModel.Kind kind, LabeledSentences train, SentimentSettings s,
                                          Device device) {
        List<SentimentModel> members = new ArrayList<>(s.ensemble());
        for (int m = 0; m < s.ensemble(); m++) {
            members.add(SentimentModel.train(kind, train, s.withSeed(memberSeed(s.seed(), m)).withEnsemble(1), device));
        }
        return new SentimentEnsemble(members);
    }

    /** The seed of member m: the settings' seed for member 0, then steps of {@link #MEMBER_SEED_STRIDE}. */
    public static long memberSeed(long seed, int member) {
        return seed + member * MEMBER_SEED_STRIDE;
    }

    /** The mean over the members of P(positive) of every tokenized sentence. */
    public double[] positiveProbabilities(List<List<String>> sentences) {
        Tensor[] each = new Tensor[members.size()];
        for (int m = 0; m < each.length; m++) {
            double[] p = members.get(m).positiveProbabilities(sentences);
            each[m] = Tensor.of(p, p.length);
        }
        try (var _ = Autograd.noGrad()) {
            return Tensor.stack(0, each).mean(0, false).toDoubleArray();
        }
    }

    /** The share of sentences whose mean P(positive) is above 0.5 for a positive label, at most 0.5 for a negative. */
    public double accuracy(LabeledSentences test) {
        return SentimentModel.accuracy(positiveProbabilities(test.tokens()), test.labels());
    }

    /** Member m (from 0). */
    public SentimentModel member(int m) {
        return members.get(m);
    }

    public int size() {
        return members.size();
    }

    /** Each member's development accuracy after each epoch, member by member. */
    public List<List<Double>> developmentAccuracies() {
        return members.stream().map(SentimentModel::developmentAccuracies).toList();
    }
}
