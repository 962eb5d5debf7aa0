package jgrad.train;

import jgrad.nn.MergeLayer;
import java.util.List;

import jgrad.nn.Layer;

/**
 * A symbolic value in a functional {@link Model}: a named input, or a layer applied to earlier nodes.
 * <pre>
 *   SymbolicTensor user = SymbolicTensor.input("user"), item = SymbolicTensor.input("item");
 *   SymbolicTensor u = SymbolicTensor.apply("user_tower", userEmbedding, user);
 *   SymbolicTensor score = SymbolicTensor.apply("score", dot, u, SymbolicTensor.apply("item_tower", itemEmbedding, item));
 *   Model model = new Model(List.of(user, item), score);
 * </pre>
 * A layer object applied at several nodes is one layer with shared weights.
 */
public final class SymbolicTensor {

    final String inputName;
    final String layerName;
    final Object layer;
    final List<SymbolicTensor> from;

    private SymbolicTensor(String inputName, String layerName, Object layer, List<SymbolicTensor> from) {
        this.inputName = inputName;
        this.layerName = layerName;
        this.layer = layer;
        this.from = from;
    }

    /** A model input, fed by the tensor of the same position (or name) in fit/predict. */
    public static SymbolicTensor input(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("SymbolicTensor.input: needs a name");
        }
        return new SymbolicTensor(name, null, null, List.of());
    }

    /** A single-input layer applied to x; {@code name} prefixes its parameters ({@code name.W}). */
    public static SymbolicTensor apply(String name, Layer layer, SymbolicTensor x) {
        return new SymbolicTensor(null, checkName(name), layer, List.of(x));
    }

    /** A merge of several nodes. */
    public static SymbolicTensor apply(String name, MergeLayer merge, SymbolicTensor... xs) {
        if (xs.length == 0) {
            throw new IllegalArgumentException("SymbolicTensor.apply: merge '" + name + "' needs at least one input");
        }
        return new SymbolicTensor(null, checkName(name), merge, List.of(xs));
    }

    boolean isInput() {
        return inputName != null;
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank() || name.contains(".")) {
            throw new IllegalArgumentException("SymbolicTensor.apply: layer name '" + name + "' must be non-empty, without '.'");
        }
        return name;
    }
}
