package jgrad.campaign.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import jgrad.nn.Activation;
import jgrad.nn.layers.Concat;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Dropout;
import jgrad.nn.layers.Embedding;
import jgrad.tensor.Tensor;
import jgrad.train.Model;
import jgrad.train.SymbolicTensor;

/**
 * The demo's ({@code ./jgrad demo}) model of a client's propensity to subscribe (article 002 §4: embeddings of the categorical
 * features beside the numeric ones, then dense layers):
 * <pre>
 *   [E_job·job; E_marital·marital; …; E_poutcome·poutcome; numeric] → Dense(32, relu) → Dropout(0.2)
 *       → Dense(16, relu) → Dense(1) = z,   P(subscribe) = σ(z)
 * </pre>
 * trained on binary cross-entropy from the logit z (finite for any z, unlike ln σ(z) computed apart). Dropout is
 * 0.5, not a lighter 0.2: on 3,000 clients the lighter net varied more from split to split and fell below logistic
 * regression (README, "The demo's model against logistic regression"). It is a functional {@link Model}, so
 * it is saved and loaded as any graph model; its inputs come from {@link BankFeatures#inputs}.
 */
public final class BankModel {

    public static final int HIDDEN_1 = 32;
    public static final int HIDDEN_2 = 16;
    public static final double DROPOUT = 0.5;
    public static final int MAX_EMBEDDING = 6;

    private BankModel() {
    }

    /** Embedding width of a column with {@code size} ids: about half the ids, at most {@value #MAX_EMBEDDING}. */
    public static int embeddingWidth(int size) {
        return Math.min(MAX_EMBEDDING, (size + 1) / 2);
    }

    /** The model for {@code features}' vocabularies and numeric width, its weights and dropout masks drawn from {@code seed}. */
    public static Model build(BankFeatures features, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<SymbolicTensor> inputs = new ArrayList<>();
        List<SymbolicTensor> parts = new ArrayList<>();
        int width = 0;
        for (var column : features.vocabularies().entrySet()) {
            int size = column.getValue().size();
            int d = embeddingWidth(size);
            SymbolicTensor in = SymbolicTensor.input(column.getKey());
            inputs.add(in);
            parts.add(SymbolicTensor.apply(column.getKey() + "_embedding", new Embedding(size, d, rng), in));
            width += d;
        }
        SymbolicTensor numeric = SymbolicTensor.input("numeric");
        inputs.add(numeric);
        parts.add(numeric);
        width += features.numericWidth();
        SymbolicTensor h = SymbolicTensor.apply("concat", new Concat(), parts.toArray(SymbolicTensor[]::new));
        h = SymbolicTensor.apply("dense_1", new Dense(width, HIDDEN_1, Activation.RELU, rng), h);
        h = SymbolicTensor.apply("dropout", new Dropout(DROPOUT, rng.split()), h);
        h = SymbolicTensor.apply("dense_2", new Dense(HIDDEN_1, HIDDEN_2, Activation.RELU, rng), h);
        SymbolicTensor logit = SymbolicTensor.apply("logit", new Dense(HIDDEN_2, 1, Activation.LINEAR, rng), h);
        return new Model(inputs, logit);
    }

    /** A one-line description of the architecture with the actual widths. */
    public static String describe(BankFeatures features) {
        StringBuilder sb = new StringBuilder("embeddings ");
        int width = 0;
        for (var column : features.vocabularies().entrySet()) {
            int d = embeddingWidth(column.getValue().size());
            sb.append(column.getKey()).append(' ').append(column.getValue().size()).append('→').append(d).append(", ");
            width += d;
        }
        width += features.numericWidth();
        return sb + "+ " + features.numericWidth() + " numeric = " + width + " → Dense(" + HIDDEN_1 + ", relu) → Dropout("
                + DROPOUT + ") → Dense(" + HIDDEN_2 + ", relu) → Dense(1) → σ";
    }

    /** P(subscribe) of each client: σ(z) of the model's logit z, in batches of 256. */
    public static double[] probabilities(Model model, List<Tensor> inputs) {
        return model.predict(inputs, 256).sigmoid().toDoubleArray();
    }
}
