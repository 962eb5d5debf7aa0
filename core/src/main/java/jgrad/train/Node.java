package jgrad.train;

import java.util.List;

import jgrad.nn.Layer;

/**
 * A symbolic value in a functional {@link Model}: a named input, or a layer applied to earlier nodes.
 * <pre>
 *   Node user = Node.input("user"), item = Node.input("item");
 *   Node u = Node.apply("user_tower", userEmbedding, user);
 *   Node score = Node.apply("score", dot, u, Node.apply("item_tower", itemEmbedding, item));
 *   Model model = new Model(List.of(user, item), score);
 * </pre>
 * A layer object applied at several nodes is one layer with shared weights.
 */
public final class Node {

    final String inputName;
    final String layerName;
    final Object layer;
    final List<Node> from;

    private Node(String inputName, String layerName, Object layer, List<Node> from) {
        this.inputName = inputName;
        this.layerName = layerName;
        this.layer = layer;
        this.from = from;
    }

    /** A model input, fed by the tensor of the same position (or name) in fit/predict. */
    public static Node input(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Node.input: needs a name");
        }
        return new Node(name, null, null, List.of());
    }

    /** A single-input layer applied to x; {@code name} prefixes its parameters ({@code name.W}). */
    public static Node apply(String name, Layer layer, Node x) {
        return new Node(null, checkName(name), layer, List.of(x));
    }

    /** A merge of several nodes. */
    public static Node apply(String name, Merge merge, Node... xs) {
        if (xs.length == 0) {
            throw new IllegalArgumentException("Node.apply: merge '" + name + "' needs at least one input");
        }
        return new Node(null, checkName(name), merge, List.of(xs));
    }

    boolean isInput() {
        return inputName != null;
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank() || name.contains(".")) {
            throw new IllegalArgumentException("Node.apply: layer name '" + name + "' must be non-empty, without '.'");
        }
        return name;
    }
}
