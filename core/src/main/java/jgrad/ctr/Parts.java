package jgrad.ctr;

import java.util.LinkedHashMap;
import java.util.Map;

/** A sub-module's weights out of its parent's map: the entries under {@code name.}, without the prefix. */
final class Parts {

    private Parts() {
    }

    static Map<String, jgrad.tensor.Tensor> of(Map<String, jgrad.tensor.Tensor> weights, String name) {
        String prefix = name + ".";
        Map<String, jgrad.tensor.Tensor> part = new LinkedHashMap<>();
        weights.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                part.put(k.substring(prefix.length()), v);
            }
        });
        return part;
    }
}
