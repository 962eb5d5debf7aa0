package jgrad.nn.conv;

import java.util.Map;

import jgrad.nn.Layer;
import jgrad.nn.Module;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * The mean of each channel over its positions, for channels-first x [B, C, ...] (Keras's
 * GlobalAveragePooling1D/2D on channels-first data): y[n, c] = (1 / P) Σ_p x[n, c, p], P the number of
 * positions; the gradient of y[n, c] is shared equally by them.
 */
public final class GlobalAveragePooling extends Module implements Layer {

    @Override
    public Tensor forward(Tensor x) {
        if (x.rank() < 3) {
            throw new IllegalArgumentException("GlobalAveragePooling: input has shape " + Shapes.format(x.shape())
                    + ", expected [B, C, L] or [B, C, H, W]");
        }
        return x.reshape(x.shape(0), x.shape(1), -1).mean(2, false);
    }

    @Override
    public String type() {
        return "GlobalAveragePooling";
    }

    @Override
    public Map<String, Object> config() {
        return Map.of();
    }

    /** Rebuilds from {@link #config()} (there is nothing to configure). */
    public static GlobalAveragePooling fromConfig(Map<String, Object> c) {
        return new GlobalAveragePooling();
    }
}
