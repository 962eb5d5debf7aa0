package jgrad.campaign.bank;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jgrad.data.csv.Column;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;
import jgrad.data.marketing.MarketingData;
import jgrad.data.prep.TabularFeatures;
import jgrad.data.prep.Vocabulary;
import jgrad.io.ModelFileException;
import jgrad.io.ModelFiles;
import jgrad.nn.Config;
import jgrad.tensor.Tensor;

/**
 * UCI Bank Marketing clients (Moro, Cortez and Rita 2014; {@link MarketingData#bankMarketing}) as the inputs of
 * {@link BankModel}, with every statistic learned from the training rows only: one vocabulary per categorical
 * column of {@link #CATEGORICAL} (a category unseen in training gets the out-of-vocabulary id 0), and for the
 * numeric columns of {@link #NUMERIC} the median imputation and standardization x' = (x − μ) / σ of
 * {@link TabularFeatures}. What was fitted is saved with the model ({@link #describe}) and read back
 * ({@link #fromDescription}, {@link #savedWith}), so that a saved model scores raw clients.
 */
public final class BankFeatures {

    /** Client attributes that become embeddings, in the order of the model's inputs. */
    public static final List<String> CATEGORICAL = List.of("job", "marital", "education", "default", "housing",
            "loan", "contact", "month", "day_of_week", "poutcome");

    /**
     * Numeric attributes, standardized. {@code duration} is left out: the call's length is known only after
     * the call, and a call that ends quickly is a "no", so it would leak the answer into the prediction.
     */
    public static final List<String> NUMERIC = List.of("age", "campaign", "pdays", "previous", "emp.var.rate",
            "cons.price.idx", "cons.conf.idx", "euribor3m", "nr.employed");

    /** The outcome: did the client subscribe (yes/no). */
    public static final String TARGET = "y";

    private final Map<String, Vocabulary> vocabularies;
    private final TabularFeatures numeric;

    private BankFeatures(Map<String, Vocabulary> vocabularies, TabularFeatures numeric) {
        this.vocabularies = vocabularies;
        this.numeric = numeric;
    }

    /** Fits the vocabularies and the numeric scaling on the training clients. */
    public static BankFeatures fit(Table train) {
        Map<String, Vocabulary> vocabularies = new LinkedHashMap<>();
        for (String column : CATEGORICAL) {
            vocabularies.put(column, Vocabulary.fit(train.strings(column)));
        }
        TabularFeatures numeric = TabularFeatures.numeric(NUMERIC.toArray(String[]::new)).fit(train);
        return new BankFeatures(vocabularies, numeric);
    }

    /** What was fitted, to be saved with the model: {@code {"vocabularies": {column: [...]}, "numeric": [...]}}. */
    public Map<String, Object> describe() {
        Map<String, Object> vocab = new LinkedHashMap<>();
        vocabularies.forEach((column, v) -> vocab.put(column, v.tokens()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("vocabularies", vocab);
        out.put("numeric", numeric.describe());
        return out;
    }

    /** Rebuilds the fitted features a model was saved with, checking they are the demo's columns. */
    public static BankFeatures fromDescription(Map<String, Object> description) {
        Config c = new Config("bank features", description);
        Map<String, Object> vocab = c.getMap("vocabularies");
        if (!List.copyOf(vocab.keySet()).equals(CATEGORICAL)) {
            throw new IllegalArgumentException("bank features: the vocabularies are for " + vocab.keySet()
                    + ", not the demo's categorical columns " + CATEGORICAL);
        }
        Config vc = new Config("bank features vocabularies", vocab);
        Map<String, Vocabulary> vocabularies = new LinkedHashMap<>();
        for (String column : CATEGORICAL) {
            vocabularies.put(column, Vocabulary.of(vc.getStringList(column)));
        }
        TabularFeatures numeric = TabularFeatures.fromDescription(c.getList("numeric"));
        if (!numeric.featureNames().equals(NUMERIC)) {
            throw new IllegalArgumentException("bank features: the numeric features are " + numeric.featureNames()
                    + ", not the demo's " + NUMERIC);
        }
        return new BankFeatures(vocabularies, numeric);
    }

    /** Per categorical column, its vocabulary (ids 0 … size − 1), in the order of the model's inputs. */
    public Map<String, Vocabulary> vocabularies() {
        return vocabularies;
    }

    /** The width of the numeric input. */
    public int numericWidth() {
        return numeric.width();
    }

    /**
     * The columns of the bank-marketing schema a client row needs: the model's inputs, and the outcome
     * {@link #TARGET} when {@code withOutcome} (to train or evaluate).
     */
    public static Schema schema(boolean withOutcome) {
        List<String> used = new ArrayList<>(CATEGORICAL);
        used.addAll(NUMERIC);
        if (withOutcome) {
            used.add(TARGET);
        }
        List<Column> columns = MarketingData.bankMarketingSchema().columns().stream()
                .filter(c -> used.contains(c.name())).toList();
        return new Schema(columns);
    }

    /**
     * The vocabularies and scaling a model was saved with ({@code ModelFiles.save(model, file, describe())});
     * each vocabulary must fit the model's embedding table {@code COLUMN_embedding.W_emb}.
     *
     * @throws ModelFileException naming the file, when they are missing, malformed or do not fit the model
     */
    @SuppressWarnings("unchecked")
    public static BankFeatures savedWith(ModelFiles.Loaded loaded) throws ModelFileException {
        Path file = loaded.file();
        if (loaded.preprocessing().isEmpty()) {
            throw new ModelFileException(file, "saved without its vocabularies and scaling, so raw clients cannot be"
                    + " turned into its inputs; save it again with ./jgrad demo --save FILE");
        }
        BankFeatures features;
        try {
            features = fromDescription((Map<String, Object>) loaded.preprocessing());
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new ModelFileException(file, "bad \"preprocessing\": " + e.getMessage());
        }
        for (var column : features.vocabularies().entrySet()) {
            String name = column.getKey() + "_embedding.W_emb";
            var table = loaded.model().parameters().get(name);
            int size = column.getValue().size();
            if (table == null || table.shape()[0] != size) {
                throw new ModelFileException(file, "the vocabulary of '" + column.getKey() + "' has " + size
                        + " entries but the model's embedding '" + name + "' has "
                        + (table == null ? "no table" : table.shape()[0] + " rows"));
            }
        }
        return features;
    }

    /** The model's inputs: one id vector [N] per categorical column, then the numeric features [N, width]. */
    public List<Tensor> inputs(Table table) {
        List<Tensor> inputs = new ArrayList<>();
        int n = table.rowCount();
        vocabularies.forEach((column, vocabulary) -> {
            int[] ids = vocabulary.transform(table.strings(column));
            float[] asFloats = new float[n];
            for (int r = 0; r < n; r++) {
                asFloats[r] = ids[r];
            }
            inputs.add(Tensor.of(asFloats, n));
        });
        inputs.add(Tensor.of(numeric.transform(table), n, numeric.width()));
        return inputs;
    }

    /** The target y (subscribed) as 0/1 labels. */
    public static int[] labels(Table table) {
        boolean[] y = table.booleans(TARGET);
        int[] labels = new int[y.length];
        for (int r = 0; r < y.length; r++) {
            labels[r] = y[r] ? 1 : 0;
        }
        return labels;
    }

    /** The labels as the [N, 1] target of a one-logit model. */
    public static Tensor targets(int[] labels) {
        float[] t = new float[labels.length];
        for (int r = 0; r < t.length; r++) {
            t[r] = labels[r];
        }
        return Tensor.of(t, t.length, 1);
    }
}
