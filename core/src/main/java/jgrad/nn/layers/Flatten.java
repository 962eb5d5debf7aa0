package jgrad.nn.layers;

import java.util.Map;

import jgrad.nn.Layer;
import jgrad.nn.Module;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/** Keras's Flatten: x [B, d1, d2, …] becomes [B, d1·d2·…]; a view when x is contiguous. */
public final class Flatten extends Module implements Layer {

    @Override
    public Tensor forward(Tensor x) {
        if (x.rank() < 1) {
            throw new IllegalArgumentException("Flatten: input has shape " + Shapes.format(x.shape())
                    + ", expected [B, ...]");
        }
        return x.reshape(x.shape(0), Shapes.product(x.shape(), 1, x.rank()));
    }

    @Override
    public String type() {
        return "Flatten";
    }

    @Override
    public Map<String, Object> config() {
        return Map.of();
    }

    public static Flatten fromConfig(Map<String, Object> c) {
        return new Flatten();
    }
}
