package jgrad.recsys;

import java.util.HashMap;
import java.util.Map;

import jgrad.tensor.Tensor;

/**
 * The weights of one part of a model, by the part's own names: "user.W_emb" in the model's map is
 * "W_emb" for the part "user". Models compute from a map of weights (their parameters, or copies in a
 * gradient check), and their layers take their own names.
 */
final class Parts {

    private Parts() {
    }

    static Map<String, Tensor> of(Map<String, Tensor> weights, String part) {
        String prefix = part + ".";
        Map<String, Tensor> sub = new HashMap<>();
        weights.forEach((name, t) -> {
            if (name.startsWith(prefix)) {
                sub.put(name.substring(prefix.length()), t);
            }
        });
        return sub;
    }
}
