package jgrad.nn.conv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jgrad.backend.ConvGeometry;
import jgrad.nn.Layer;
import jgrad.nn.Module;
import jgrad.tensor.Tensor;

/**
 * What max and average pooling share: the window, stride and padding, their checks, the config, and
 * the lowering through {@link Pooling#pool}. The subclasses say which reduction and document its formula.
 */
abstract sealed class Pool2D extends Module implements Layer permits MaxPool2D, AvgPool2D {

    private final String name;
    private final boolean max;
    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;

    Pool2D(String name, boolean max, int[] kernel, int[] stride, int[] padding) {
        this.name = name;
        this.max = max;
        this.kernel = Pooling.pair(name, "kernel", kernel, 1);
        this.stride = Pooling.pair(name, "stride", stride, 1);
        this.padding = Pooling.pair(name, "padding", padding, 0);
        Pooling.checkPadding(name, this.kernel, this.padding);
    }

    @Override
    public Tensor forward(Tensor x) {
        return Pooling.pool(name, x, kernel, stride, padding, max);
    }

    /** The windows of this pooling over an input [batch, channels, height, width]. */
    ConvGeometry geometry(int batch, int channels, int height, int width) {
        return Pooling.geometry(name, batch, channels, height, width, kernel, stride, padding);
    }

    @Override
    public String type() {
        return name;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kernel", List.of(kernel[0], kernel[1]));
        c.put("stride", List.of(stride[0], stride[1]));
        c.put("padding", List.of(padding[0], padding[1]));
        return c;
    }
}
