package jgrad.privacy.dp;

import java.util.Map;

import jgrad.backend.ConvGeometry;
import jgrad.kernels.ConvKernel;
import jgrad.nn.Activation;
import jgrad.nn.Config;
import jgrad.nn.conv.Conv1D;
import jgrad.nn.conv.Conv2D;
import jgrad.nn.conv.Padding;
import jgrad.tensor.Tensor;

/**
 * Per-example gradients of {@link Conv2D} and {@link Conv1D} (a Conv1D is a Conv2D on images of height 1). The
 * kernel W [C_out, K] (K = C·kh·kw) is shared by the P output positions, z_{i,·,p} = W a_{i,p} + b with a_{i,p} the
 * p-th window of example i (a column of im2col), so example i's gradient is Σ_p δ_{i,p} [a_{i,p}; 1]ᵀ: a shared
 * weight ({@link PerExample}), norms by the ghost identity when P² &lt; C_out·(K + 1).
 */
final class ConvExamples implements ExampleGradients {

    private final Tensor w;
    private final Tensor b;
    private final Activation f;
    private final int filters;
    private final boolean oneDimensional;
    private final Conv2D conv2;
    private final Map<String, Object> config;
    private Tensor windows;
    private Tensor probe;

    ConvExamples(Conv2D layer) {
        this(layer.parameters().get("W"), layer.parameters().get("b"), layer.config(), layer, false);
    }

    ConvExamples(Conv1D layer) {
        this(layer.parameters().get("W"), layer.parameters().get("b"), layer.config(), null, true);
    }

    private ConvExamples(Tensor w, Tensor b, Map<String, Object> config, Conv2D conv2, boolean oneDimensional) {
        this.w = w;
        this.b = b;
        this.config = config;
        this.conv2 = conv2;
        this.oneDimensional = oneDimensional;
        this.filters = w.shape(0);
        this.f = Activation.of((String) config.get("activation"));
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor images = oneDimensional ? x.reshape(x.shape(0), x.shape(1), 1, x.shape(2)) : x;
        ConvGeometry g = oneDimensional ? geometry1d(x) : conv2.geometry(x);
        Tensor kernel = w.detach().reshape(filters, w.shape(1), g.kh(), g.kw());
        Tensor z = ConvKernel.run(images, kernel, b.detach(), g);
        int batch = g.batch();
        int positions = g.outH() * g.outW();
        Tensor cols = Tensor.zeros(x.device(), x.dtype(), g.patchSize(), g.positions());
        Tensor xc = images.contiguous();
        xc.backend().im2col(g, 0, xc.storage(), xc.offset(), cols.storage(), 0);
        windows = PerExample.withOnes(cols.reshape(g.patchSize(), batch, positions).permute(1, 2, 0));
        probe = Tensor.zeros(x.device(), x.dtype(), batch, filters, positions).requiresGrad(true);
        Tensor y = f.apply(z.add(probe.reshape(z.shape())));
        return oneDimensional ? y.reshape(batch, filters, g.outW()) : y;
    }

    /** Conv1D's geometry on x [B, C, L] viewed as [B, C, 1, L], from its config. */
    private ConvGeometry geometry1d(Tensor x) {
        Config c = new Config("Conv1D", config);
        int k = c.getInt("kernel");
        int stride = c.getInt("stride");
        int dilation = c.getInt("dilation");
        int pad = Padding.parse(c.getString("padding", "valid")).resolve(1, x.shape(2), k, stride, dilation);
        return new ConvGeometry(x.shape(0), x.shape(1), 1, x.shape(2), 1, k, 1, stride, 0, pad, 1, dilation);
    }

    @Override
    public Tensor squaredNorms() {
        return PerExample.sharedWeightSquaredNorms(windows, gradients());
    }

    @Override
    public Map<Tensor, Tensor> clippedSums(Tensor factors) {
        int patch = windows.shape(2) - 1;
        Tensor[] parts = PerExample.sharedWeightClippedSum(windows, gradients(), factors).split(1, patch, 1);
        return Map.of(w, parts[0].reshape(w.shape()), b, parts[1].reshape(filters));
    }

    /** δ [B, P, C_out] from the probe's [B, C_out, P]. */
    private Tensor gradients() {
        return probe.grad().permute(0, 2, 1);
    }
}
