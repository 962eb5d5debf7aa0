package jgrad.nn;

import java.util.LinkedHashMap;
import java.util.Map;

import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * Looks up a layer's parameters by their formula names, with errors that name the layer, the
 * parameter and the shapes. Layers compute from a map of weights (their own {@link Module#parameters()}
 * normally, or weights given from outside, e.g. a golden case or a gradient check).
 */
public final class Weights {

    private final String layer;
    private final Map<String, Tensor> params;

    public Weights(String layer, Map<String, Tensor> params) {
        this.layer = layer;
        this.params = params;
    }

    /** The parameter {@code name}; fails when it is absent. */
    public Tensor get(String name) {
        return get(layer, params, name);
    }

    /**
     * The parameter {@code name} of {@code layer} in {@code params}; fails when it is absent. Static, for a layer
     * whose forward runs on every step, so that the lookup makes no object.
     */
    public static Tensor get(String layer, Map<String, Tensor> params, String name) {
        Tensor t = params.get(name);
        if (t == null) {
            throw new IllegalArgumentException(layer + ": missing parameter '" + name + "' (given: "
                    + params.keySet() + ")");
        }
        return t;
    }

    /** The parameter {@code name}, which must have exactly {@code shape}. */
    public Tensor get(String name, int... shape) {
        return get(layer, params, name, shape);
    }

    /** {@link #get(String, int...)} without an object: for a layer that keeps its expected shapes. */
    public static Tensor get(String layer, Map<String, Tensor> params, String name, int[] shape) {
        Tensor t = get(layer, params, name);
        if (!t.hasShape(shape)) {
            throw new IllegalArgumentException(layer + ": parameter '" + name + "' has shape "
                    + Shapes.format(t.shape()) + ", expected " + Shapes.format(shape));
        }
        return t;
    }

    /** The weights of the sub-module {@code child} ("conv3"), keyed without its prefix ("conv3.W" → "W"). */
    public static Map<String, Tensor> under(Map<String, Tensor> weights, String child) {
        String prefix = child + ".";
        Map<String, Tensor> out = new LinkedHashMap<>();
        weights.forEach((k, t) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), t);
            }
        });
        return out;
    }
}
