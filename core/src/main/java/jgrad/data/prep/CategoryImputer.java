package jgrad.data.prep;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Fills missing categorical values (null, or a declared marker such as {@code "unknown"}) with the training
 * column's most frequent value (the alphabetically first on equal counts) or with a given constant.
 */
public final class CategoryImputer {

    private final String fillValue;
    private final String marker;

    private CategoryImputer(String fillValue, String marker) {
        this.fillValue = fillValue;
        this.marker = marker;
    }

    /** The most frequent present value; {@code marker} (may be null) also counts as missing. */
    public static CategoryImputer mode(String[] train, String marker) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String v : train) {
            if (v != null && !v.equals(marker)) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("category imputer: no value to fit on (empty or all missing)");
        }
        return new CategoryImputer(best, marker);
    }

    public static CategoryImputer constant(String value, String marker) {
        return new CategoryImputer(Objects.requireNonNull(value, "value"), marker);
    }

    public String fillValue() {
        return fillValue;
    }

    public String[] transform(String[] values) {
        String[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null || out[i].equals(marker)) {
                out[i] = fillValue;
            }
        }
        return out;
    }
}
