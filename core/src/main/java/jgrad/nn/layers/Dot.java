package jgrad.nn.layers;

import java.util.LinkedHashMap;
import java.util.Map;

import jgrad.nn.MergeLayer;
import jgrad.nn.Module;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * Keras's Dot over the last axis: for a, b [B, d], y = Σ_k a_k b_k as [B, 1] (the p_u·q_i of the
 * dot-product recommender). With {@code normalize}, the cosine a·b / (‖a‖ ‖b‖), where a tiny ε
 * under the root keeps a zero vector from dividing by zero.
 */
public final class Dot extends Module implements MergeLayer {

    private static final double EPSILON = 1e-12;
    private final boolean normalize;

    public Dot() {
        this(false);
    }

    public Dot(boolean normalize) {
        this.normalize = normalize;
    }

    @Override
    public Tensor forward(Tensor... inputs) {
        if (inputs.length != 2 || !java.util.Arrays.equals(inputs[0].shape(), inputs[1].shape()) || inputs[0].rank() < 1) {
            throw new IllegalArgumentException("Dot: needs two inputs of one shape [..., d], got "
                    + java.util.Arrays.stream(inputs).map(t -> Shapes.format(t.shape())).toList());
        }
        Tensor a = inputs[0];
        Tensor b = inputs[1];
        Tensor dot = a.mul(b).sum(-1, true);
        if (!normalize) {
            return dot;
        }
        Tensor norms = a.mul(a).sum(-1, true).mul(b.mul(b).sum(-1, true)).add(EPSILON).sqrt();
        return dot.div(norms);
    }

    @Override
    public String type() {
        return "Dot";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("normalize", normalize);
        return c;
    }

    public static Dot fromConfig(Map<String, Object> c) {
        return new Dot(Configs.bool(c, "normalize", false));
    }
}
