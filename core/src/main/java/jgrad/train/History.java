package jgrad.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code fit} returns: per epoch, the loss, metrics and their validation values ("val_loss"). */
public final class History {

    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private int epochs;

    void add(Map<String, Double> logs) {
        logs.forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        epochs++;
    }

    /** The values of one key, one per epoch run. */
    public List<Double> get(String key) {
        List<Double> v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("history has no '" + key + "'; it has " + values.keySet());
        }
        return Collections.unmodifiableList(v);
    }

    /** Epochs actually run (fewer than asked when early stopping ends training). */
    public int epochs() {
        return epochs;
    }

    public Map<String, List<Double>> asMap() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
