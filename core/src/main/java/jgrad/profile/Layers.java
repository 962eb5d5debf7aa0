package jgrad.profile;

import java.util.LinkedHashMap;
import java.util.Map;

/** Picks one layer's weights out of a model's ("enc0.W" → "W" for the layer named "enc0"). */
final class Layers {

    private Layers() {
    }

    static Map<String, jgrad.tensor.Tensor> weightsOf(Map<String, jgrad.tensor.Tensor> weights, String layer) {
        String prefix = layer + ".";
        Map<String, jgrad.tensor.Tensor> sub = new LinkedHashMap<>();
        weights.forEach((name, t) -> {
            if (name.startsWith(prefix)) {
                sub.put(name.substring(prefix.length()), t);
            }
        });
        return sub;
    }
}
