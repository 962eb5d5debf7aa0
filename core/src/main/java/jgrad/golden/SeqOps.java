package jgrad.golden;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jgrad.nn.Activation;
import jgrad.nn.Weights;
import jgrad.nn.conv.AvgPool2D;
import jgrad.nn.conv.Conv1D;
import jgrad.nn.conv.Conv2D;
import jgrad.nn.conv.MaxPool2D;
import jgrad.nn.conv.Padding;
import jgrad.nn.norm.BatchNorm;
import jgrad.nn.norm.LayerNorm;
import jgrad.nn.transformer.MultiHeadAttention;
import jgrad.nn.transformer.TransformerBlock;
import jgrad.tensor.Tensor;

/**
 * The golden ops of convolution, pooling, normalization and attention ({@code ../shared/golden-seq}),
 * each building its layer from the case's config and running it with the case's tensors as weights.
 */
final class SeqOps {

    private SeqOps() {
    }

    static Ops.Result conv2d(GoldenCase c) {
        Tensor W = param(c, "W");
        int[] stride = pair(c, "stride", 1);
        int[] padding = pair(c, "padding", 0);
        Conv2D conv = new Conv2D(W.shape(1), W.shape(0), new int[] {W.shape(2), W.shape(3)}, stride,
                Padding.of(padding[0], padding[1]), pair(c, "dilation", 1), activation(c), W.dtype(), Ops.unusedSeed());
        return Ops.Result.of("y", conv.forward(c.params(), c.input("x")));
    }

    static Ops.Result conv1d(GoldenCase c) {
        Tensor W = param(c, "W");
        Conv1D conv = new Conv1D(W.shape(1), W.shape(0), W.shape(2), integer(c, "stride", 1),
                Padding.of(integer(c, "padding", 0)), integer(c, "dilation", 1), activation(c), W.dtype(),
                Ops.unusedSeed());
        return Ops.Result.of("y", conv.forward(c.params(), c.input("x")));
    }

    static Ops.Result pool(GoldenCase c, boolean max) {
        int[] kernel = pair(c, "kernel", -1);
        int[] stride = c.config().containsKey("stride") ? pair(c, "stride", 1) : kernel;
        int[] padding = pair(c, "padding", 0);
        Tensor x = c.input("x");
        Tensor y = max ? new MaxPool2D(kernel, stride, padding).forward(x) : new AvgPool2D(kernel, stride, padding).forward(x);
        return Ops.Result.of("y", y);
    }

    static Ops.Result layerNorm(GoldenCase c) {
        Tensor gamma = param(c, "gamma");
        LayerNorm norm = new LayerNorm(gamma.shape(0), number(c, "eps", 1e-5), gamma.dtype());
        return Ops.Result.of("y", norm.forward(c.params(), c.input("x")));
    }

    /** Training mode; the case's momentum is PyTorch's, so Keras's is 1 minus it. */
    static Ops.Result batchNorm(GoldenCase c) {
        Tensor gamma = param(c, "gamma");
        BatchNorm norm = new BatchNorm(gamma.shape(0), 1 - number(c, "momentum", 0.1), number(c, "eps", 1e-5),
                gamma.dtype());
        norm.to(gamma.device());
        if (c.inputs().containsKey("running_mean")) {
            norm.runningMean().copyFrom(c.input("running_mean"));
        }
        if (c.inputs().containsKey("running_var")) {
            norm.runningVar().copyFrom(c.input("running_var"));
        }
        Tensor y = norm.forward(c.params(), c.input("x"));
        return Ops.Result.of("y", y, "running_mean", norm.runningMean(), "running_var", norm.runningVar());
    }

    static Ops.Result multiheadAttention(GoldenCase c) {
        Tensor W_q = param(c, "W_q");
        MultiHeadAttention mha = new MultiHeadAttention(W_q.shape(0), integer(c, "heads", -1), flag(c, "causal"),
                W_q.dtype(), Ops.unusedSeed());
        MultiHeadAttention.Output o = mha.forward(c.params(), c.input("x"), c.inputs().get("mask"));
        return Ops.Result.of("y", o.y(), "alpha", o.alpha());
    }

    /** Post-norm, dropout off; the case's flat names are renamed to the block's parameter paths. */
    static Ops.Result transformerBlock(GoldenCase c) {
        Tensor W_q = param(c, "W_q");
        Tensor W_1 = param(c, "W_1");
        TransformerBlock block = new TransformerBlock(W_q.shape(0), integer(c, "heads", -1), W_1.shape(0),
                flag(c, "causal"), false, 0, number(c, "eps", 1e-5), W_q.dtype(), Ops.unusedSeed());
        Map<String, Tensor> weights = new LinkedHashMap<>();
        TransformerBlock.goldenNames().forEach((flat, path) -> weights.put(path, param(c, flat)));
        return Ops.Result.of("y", block.forward(weights, c.input("x"), c.inputs().get("mask")));
    }

    private static Tensor param(GoldenCase c, String name) {
        return new Weights(c.op(), c.params()).get(name);
    }

    private static Activation activation(GoldenCase c) {
        return c.activation(c.configString("activation", "linear"));
    }

    /** A config list of two whole numbers, or [fallback, fallback] when absent (fallback −1: required). */
    private static int[] pair(GoldenCase c, String key, int fallback) {
        Object v = c.config().get(key);
        if (v == null && fallback >= 0) {
            return new int[] {fallback, fallback};
        }
        if (!(v instanceof List<?> l) || l.size() != 2 || !(l.get(0) instanceof Number a) || !(l.get(1) instanceof Number b)) {
            throw new IllegalArgumentException("config \"" + key + "\" must be a list of two whole numbers, got " + v);
        }
        return new int[] {a.intValue(), b.intValue()};
    }

    private static int integer(GoldenCase c, String key, int fallback) {
        Object v = c.config().get(key);
        if (v == null && fallback >= 0) {
            return fallback;
        }
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("config \"" + key + "\" must be a whole number, got " + v);
        }
        return n.intValue();
    }

    private static double number(GoldenCase c, String key, double fallback) {
        Object v = c.config().getOrDefault(key, fallback);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("config \"" + key + "\" must be a number, got " + v);
        }
        return n.doubleValue();
    }

    private static boolean flag(GoldenCase c, String key) {
        Object v = c.config().getOrDefault(key, false);
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException("config \"" + key + "\" must be true or false, got " + v);
        }
        return b;
    }
}
