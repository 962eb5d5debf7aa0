package jgrad.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jgrad.data.csv.Table;
import jgrad.data.prep.TabularFeatures;
import jgrad.data.prep.Vocabulary;
import jgrad.nn.Config;
import jgrad.tensor.Tensor;

/**
 * The bank clients as model inputs, with every statistic learned from the training rows only: one
 * vocabulary per categorical column (a category unseen in training gets the out-of-vocabulary id 0)
 * and the median imputation and standardization of the numeric columns.
 */
final class BankFeatures {

    private final Map<String, Vocabulary> vocabularies;
    private final TabularFeatures numeric;

    private BankFeatures(Map<String, Vocabulary> vocabularies, TabularFeatures numeric) {
        this.vocabularies = vocabularies;
        this.numeric = numeric;
    }

    static BankFeatures fit(Table train) {
        Map<String, Vocabulary> vocabularies = new LinkedHashMap<>();
        for (String column : BankClients.CATEGORICAL) {
            vocabularies.put(column, Vocabulary.fit(train.strings(column)));
        }
        TabularFeatures numeric = TabularFeatures.numeric(BankClients.NUMERIC.toArray(String[]::new)).fit(train);
        return new BankFeatures(vocabularies, numeric);
    }

    /** What was fitted, to be saved with the model: {@code {"vocabularies": {column: [...]}, "numeric": [...]}}. */
    Map<String, Object> describe() {
        Map<String, Object> vocab = new LinkedHashMap<>();
        vocabularies.forEach((column, v) -> vocab.put(column, v.tokens()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("vocabularies", vocab);
        out.put("numeric", numeric.describe());
        return out;
    }

    /** Rebuilds the fitted features a model was saved with, checking they are the demo's columns. */
    static BankFeatures fromDescription(Map<String, Object> description) {
        Config c = new Config("bank features", description);
        Map<String, Object> vocab = c.getMap("vocabularies");
        if (!List.copyOf(vocab.keySet()).equals(BankClients.CATEGORICAL)) {
            throw new IllegalArgumentException("bank features: the vocabularies are for " + vocab.keySet()
                    + ", not the demo's categorical columns " + BankClients.CATEGORICAL);
        }
        Config vc = new Config("bank features vocabularies", vocab);
        Map<String, Vocabulary> vocabularies = new LinkedHashMap<>();
        for (String column : BankClients.CATEGORICAL) {
            vocabularies.put(column, Vocabulary.of(vc.getStringList(column)));
        }
        TabularFeatures numeric = TabularFeatures.fromDescription(c.getList("numeric"));
        if (!numeric.featureNames().equals(BankClients.NUMERIC)) {
            throw new IllegalArgumentException("bank features: the numeric features are " + numeric.featureNames()
                    + ", not the demo's " + BankClients.NUMERIC);
        }
        return new BankFeatures(vocabularies, numeric);
    }

    /** Per categorical column, its vocabulary (ids 0 … size − 1), in the order of the model's inputs. */
    Map<String, Vocabulary> vocabularies() {
        return vocabularies;
    }

    int numericWidth() {
        return numeric.width();
    }

    /** The model's inputs: one id vector [N] per categorical column, then the numeric features [N, width]. */
    List<Tensor> inputs(Table table) {
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
    static int[] labels(Table table) {
        boolean[] y = table.booleans(BankClients.TARGET);
        int[] labels = new int[y.length];
        for (int r = 0; r < y.length; r++) {
            labels[r] = y[r] ? 1 : 0;
        }
        return labels;
    }

    /** The labels as the [N, 1] target of a one-logit model. */
    static Tensor targets(int[] labels) {
        float[] t = new float[labels.length];
        for (int r = 0; r < t.length; r++) {
            t[r] = labels[r];
        }
        return Tensor.of(t, t.length, 1);
    }
}
