package jgrad.campaign;

import jgrad.data.csv.Table;
import jgrad.data.prep.TabularFeatures;

/**
 * The clients as one feature row each, the preprocessing fitted on the training clients only (median
 * imputation and standardization of the numbers, one-hot categories with an out-of-vocabulary slot): the
 * same features for the logistic baseline and the network, so they compare like for like.
 */
public final class ResponseFeatures {

    private final ClientSchema schema;
    private final TabularFeatures fitted;

    private ResponseFeatures(ClientSchema schema, TabularFeatures fitted) {
        this.schema = schema;
        this.fitted = fitted;
    }

    public static ResponseFeatures fit(ClientSchema schema, Table train) {
        TabularFeatures fitted = TabularFeatures.numeric(schema.numeric().toArray(String[]::new))
                .categorical(schema.categorical().toArray(String[]::new)).fit(train);
        return new ResponseFeatures(schema, fitted);
    }

    public int width() {
        return fitted.width();
    }

    /** The rows' features, row-major [rows × width]. */
    public float[] transform(Table table) {
        return fitted.transform(table);
    }

    /** The outcome as 0/1 labels. */
    public int[] labels(Table table) {
        boolean[] y = table.booleans(schema.outcome());
        int[] labels = new int[y.length];
        for (int r = 0; r < y.length; r++) {
            labels[r] = y[r] ? 1 : 0;
        }
        return labels;
    }
}
