package jgrad.data.prep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jgrad.data.csv.ColumnType;
import jgrad.data.csv.Table;
import jgrad.nn.Config;

/**
 * A feature matrix for a dense model, assembled from table columns and fitted on the training table only:
 * a numeric column is imputed with its training median and standardized with its training mean and
 * standard deviation (one feature); a categorical column gets a training vocabulary and is one-hot encoded
 * ({@code vocabulary size} features, the first for out-of-vocabulary values). Integer code columns (a
 * browser id, a region) can be declared categorical.
 */
public final class TabularFeatures {

    private final List<Feature> features;

    private TabularFeatures(List<Feature> features) {
        this.features = List.copyOf(features);
    }

    /** Declares the columns, then {@link Spec#fit} learns their statistics from a training table. */
    public static Spec numeric(String... columns) {
        return new Spec().numeric(columns);
    }

    public static Spec categorical(String... columns) {
        return new Spec().categorical(columns);
    }

    /** The columns to use, in order, and how; fitting turns it into {@link TabularFeatures}. */
    public static final class Spec {

        private final List<String> names = new ArrayList<>();
        private final List<Boolean> isCategorical = new ArrayList<>();

        public Spec numeric(String... columns) {
            for (String c : columns) {
                names.add(c);
                isCategorical.add(false);
            }
            return this;
        }

        public Spec categorical(String... columns) {
            for (String c : columns) {
                names.add(c);
                isCategorical.add(true);
            }
            return this;
        }

        public TabularFeatures fit(Table train) {
            List<Feature> features = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String column = names.get(i);
                if (isCategorical.get(i)) {
                    features.add(new Categorical(column, Vocabulary.fit(categories(train, column))));
                } else {
                    double[] values = train.asDoubles(column);
                    Imputer imputer = Imputer.fit(values, Imputer.Strategy.MEDIAN);
                    features.add(new Numeric(column, imputer, StandardScaler.fit(imputer.transform(values), "column '" + column + "'")));
                }
            }
            return new TabularFeatures(features);
        }
    }

    /** The number of features per row. */
    public int width() {
        int width = 0;
        for (Feature f : features) {
            width += f.width();
        }
        return width;
    }

    /** One name per feature: the column, or {@code column=category} ({@code column=<oov>} for the unknown). */
    public List<String> featureNames() {
        List<String> out = new ArrayList<>();
        for (Feature f : features) {
            f.addNames(out);
        }
        return out;
    }

    /** The features of every row, row-major: {@code rowCount × width()} floats. */
    public float[] transform(Table table) {
        int width = width();
        float[] out = new float[Math.multiplyExact(table.rowCount(), width)];
        int offset = 0;
        for (Feature f : features) {
            f.write(table, out, width, offset);
            offset += f.width();
        }
        return out;
    }

    /**
     * What was fitted, as JSON-ready lists and maps, one entry per column: {@code {"column", "kind": "numeric",
     * "fill", "mean", "std"}} or {@code {"column", "kind": "categorical", "categories": [...]}}.
     */
    public List<Map<String, Object>> describe() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Feature f : features) {
            out.add(f.describe());
        }
        return out;
    }

    /** Rebuilds fitted features from {@link #describe()}'s output; a malformed entry is named by its position. */
    @SuppressWarnings("unchecked")
    public static TabularFeatures fromDescription(List<?> description) {
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < description.size(); i++) {
            String where = "feature " + (i + 1) + " of " + description.size();
            if (!(description.get(i) instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException(where + ": expected an object, got " + description.get(i));
            }
            Config c = new Config(where, (Map<String, Object>) m);
            String column = c.getString("column");
            features.add(switch (c.getString("kind")) {
                case "numeric" -> new Numeric(column, Imputer.constant(c.getDouble("fill")),
                        StandardScaler.of(c.getDouble("mean"), c.getDouble("std")));
                case "categorical" -> new Categorical(column, Vocabulary.of(c.getStringList("categories")));
                default -> throw new IllegalArgumentException(where + " (" + column + "): kind must be numeric or"
                        + " categorical, got '" + c.getString("kind") + "'");
            });
        }
        return new TabularFeatures(features);
    }

    private static String[] categories(Table table, String column) {
        if (table.schema().column(table.schema().indexOf(column)).type() == ColumnType.STRING) {
            return table.strings(column);
        }
        String[] out = new String[table.rowCount()];
        for (int r = 0; r < out.length; r++) {
            out[r] = table.text(column, r);
        }
        return out;
    }

    private sealed interface Feature permits Numeric, Categorical {

        int width();

        void addNames(List<String> names);

        /** Writes this feature's columns of every row, starting at {@code offset} within each row. */
        void write(Table table, float[] out, int rowWidth, int offset);

        Map<String, Object> describe();
    }

    private record Numeric(String column, Imputer imputer, StandardScaler scaler) implements Feature {

        @Override
        public int width() {
            return 1;
        }

        @Override
        public void addNames(List<String> names) {
            names.add(column);
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("column", column);
            m.put("kind", "numeric");
            m.put("fill", imputer.fillValue());
            m.put("mean", scaler.mean());
            m.put("std", scaler.std());
            return m;
        }

        @Override
        public void write(Table table, float[] out, int rowWidth, int offset) {
            double[] values = scaler.transform(imputer.transform(table.asDoubles(column)));
            for (int r = 0; r < values.length; r++) {
                out[r * rowWidth + offset] = (float) values[r];
            }
        }
    }

    private record Categorical(String column, Vocabulary vocabulary) implements Feature {

        @Override
        public int width() {
            return vocabulary.size();
        }

        @Override
        public void addNames(List<String> names) {
            names.add(column + "=<oov>");
            for (int id = 1; id < vocabulary.size(); id++) {
                names.add(column + "=" + vocabulary.token(id));
            }
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("column", column);
            m.put("kind", "categorical");
            m.put("categories", vocabulary.tokens());
            return m;
        }

        @Override
        public void write(Table table, float[] out, int rowWidth, int offset) {
            int[] ids = vocabulary.transform(categories(table, column));
            for (int r = 0; r < ids.length; r++) {
                out[r * rowWidth + offset + ids[r]] = 1;
            }
        }
    }
}
