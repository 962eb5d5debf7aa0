package jgrad.nn.layers;

import java.util.Arrays;
import java.util.Map;

import jgrad.nn.MergeLayer;
import jgrad.nn.Module;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * Keras's Concatenate: [x₁; x₂; …] along one axis (default the last), e.g. [p_u; q_i] of the
 * concatenation recommender. The gradient splits back to the inputs.
 */
public final class Concat extends Module implements MergeLayer {

    private final int axis;

    public Concat() {
        this(-1);
    }

    public Concat(int axis) {
        this.axis = axis;
    }

    @Override
    public Tensor forward(Tensor... inputs) {
        if (inputs.length == 0) {
            throw new IllegalArgumentException("Concat(axis=" + axis + "): needs at least one input");
        }
        try {
            return Tensor.concat(axis, inputs);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Concat(axis=" + axis + "): inputs of shapes "
                    + Arrays.stream(inputs).map(t -> Shapes.format(t.shape())).toList() + " do not fit: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String type() {
        return "Concat";
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("axis", axis);
    }

    public static Concat fromConfig(Map<String, Object> c) {
        return new Concat(Configs.integer(c, "axis", -1));
    }
}
