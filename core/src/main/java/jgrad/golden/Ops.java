package jgrad.golden;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import jgrad.nn.Activation;
import jgrad.nn.Weights;
import jgrad.nn.init.Initializers;
import jgrad.nn.layers.Attention;
import jgrad.nn.layers.Concat;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Dot;
import jgrad.nn.layers.Embedding;
import jgrad.nn.layers.Lstm;
import jgrad.nn.layers.Rnn;
import jgrad.nn.loss.Losses;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/**
 * The ops of the golden format, each building its layer from the case's config and the shapes of
 * its params, and running the forward with the case's own tensors as weights (so their gradients
 * are the ones compared). The layer's own starting weights are never used, hence the fixed seed.
 */
final class Ops {

    /** What an op computed: its outputs, and, for ops with their own rule (gan), its gradients. */
    record Result(Map<String, Tensor> outputs, Map<String, Tensor> grads) {

        static Result of(Object... namesAndTensors) {
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (int i = 0; i < namesAndTensors.length; i += 2) {
                out.put((String) namesAndTensors[i], (Tensor) namesAndTensors[i + 1]);
            }
            return new Result(out, null);
        }
    }

    private static final Map<String, Function<GoldenCase, Result>> OPS = Map.ofEntries(
            Map.entry("dense", Ops::dense),
            Map.entry("embedding", Ops::embedding),
            Map.entry("rnn", Ops::rnn),
            Map.entry("lstm", Ops::lstm),
            Map.entry("attention", Ops::attention),
            Map.entry("softmax_cross_entropy", Ops::softmaxCrossEntropy),
            Map.entry("mse", c -> Result.of("loss", Losses.mse(c.input("y"), c.input("t")))),
            Map.entry("bce", c -> Result.of("loss", Losses.binaryCrossEntropy(c.input("z"), c.input("t")))),
            Map.entry("gan", GanOp::run),
            Map.entry("dot_recommender", c -> recommender(c, false)),
            Map.entry("concat_recommender", c -> recommender(c, true)),
            Map.entry("conv2d", SeqOps::conv2d),
            Map.entry("conv1d", SeqOps::conv1d),
            Map.entry("max_pool2d", c -> SeqOps.pool(c, true)),
            Map.entry("avg_pool2d", c -> SeqOps.pool(c, false)),
            Map.entry("layer_norm", SeqOps::layerNorm),
            Map.entry("batch_norm", SeqOps::batchNorm),
            Map.entry("multihead_attention", SeqOps::multiheadAttention),
            Map.entry("transformer_block", SeqOps::transformerBlock));

    private Ops() {
    }

    static boolean known(String op) {
        return OPS.containsKey(op);
    }

    static Result run(GoldenCase c) {
        Function<GoldenCase, Result> op = OPS.get(c.op());
        if (op == null) {
            throw new IllegalArgumentException("unknown op '" + c.op() + "' (known: " + new java.util.TreeSet<>(OPS.keySet()) + ")");
        }
        return op.apply(c);
    }

    static SplittableRandom unusedSeed() {
        return new SplittableRandom(0);
    }

    private static Tensor param(GoldenCase c, String name) {
        return new Weights(c.op(), c.params()).get(name);
    }

    private static DType dtype(GoldenCase c) {
        return c.input(c.inputs().keySet().iterator().next()).dtype();
    }

    private static Result dense(GoldenCase c) {
        Tensor W = param(c, "W");
        Activation f = c.activation(c.configString("activation", "linear"));
        Dense dense = new Dense(W.shape(1), W.shape(0), f, W.dtype(), unusedSeed());
        return Result.of("y", dense.forward(c.params(), c.input("x")));
    }

    /** The case holds W_emb as [d, N] (column i is id i); the layer reads its transpose [N, d]. */
    private static Result embedding(GoldenCase c) {
        return Result.of("y", lookup(c, "W_emb", c.input("ids")));
    }

    private static Tensor lookup(GoldenCase c, String name, Tensor ids) {
        Tensor columns = param(c, name);
        Embedding e = new Embedding(columns.shape(1), columns.shape(0), columns.dtype(), unusedSeed(),
                Initializers.zeros(), false);
        return e.forward(Map.of("W_emb", columns.t().contiguous()), ids);
    }

    private static Result rnn(GoldenCase c) {
        Tensor W_xh = param(c, "W_xh");
        Tensor W_hy = param(c, "W_hy");
        Rnn rnn = new Rnn(W_xh.shape(1), W_xh.shape(0), W_hy.shape(0), c.activation(c.configString("activation", "tanh")),
                c.activation(c.configString("output_activation", "linear")), true, W_xh.dtype(), unusedSeed());
        Tensor x = c.input("x");
        Rnn.Output o = rnn.forward(c.params(), x, state(c, "h0", x, W_xh.shape(0)));
        return Result.of("h", o.h(), "y", o.y());
    }

    private static Result lstm(GoldenCase c) {
        Tensor W_xf = param(c, "W_xf");
        int hidden = W_xf.shape(0);
        Lstm lstm = new Lstm(W_xf.shape(1), hidden, true, W_xf.dtype(), unusedSeed());
        Tensor x = c.input("x");
        Lstm.Output o = lstm.forward(c.params(), x, state(c, "h0", x, hidden), state(c, "c0", x, hidden));
        return Result.of("h", o.h(), "c", o.c());
    }

    /** The initial state of the case, or zeros [B, H] when it has none. */
    private static Tensor state(GoldenCase c, String name, Tensor x, int hidden) {
        Tensor s = c.inputs().get(name);
        return s != null ? s : Tensor.zeros(x.device(), x.dtype(), x.shape(0), hidden);
    }

    private static Result attention(GoldenCase c) {
        Attention.Score score = Attention.parseScore(c.configString("score", "dot"));
        Tensor x = c.input("x");
        Tensor h = c.input("h");
        int a = score == Attention.Score.MLP ? param(c, "W_x").shape(0) : 0;
        Attention att = new Attention(score, x.shape(-1), h.shape(-1), a, dtype(c), unusedSeed());
        Attention.Output o = att.forward(c.params(), x, h, c.inputs().get("mask"));
        return Result.of("alpha", o.alpha(), "c", o.c());
    }

    private static Result softmaxCrossEntropy(GoldenCase c) {
        Tensor z = c.input("z");
        return Result.of("loss", Losses.softmaxCrossEntropy(z, c.input("labels")), "p", z.softmax(-1));
    }

    /** r̂ = w·(p_u·q_i) + b (dot) or r̂ = W [p_u; q_i] + b (concat), with the MSE to the ratings. */
    private static Result recommender(GoldenCase c, boolean concat) {
        Tensor p = lookup(c, "P", c.input("users"));
        Tensor q = lookup(c, "Q", c.input("items"));
        Tensor b = param(c, "b");
        Tensor rHat;
        if (concat) {
            Tensor W = param(c, "W");
            Dense head = new Dense(W.shape(1), 1, Activation.LINEAR, W.dtype(), unusedSeed());
            rHat = head.forward(Map.of("W", W, "b", b), new Concat().forward(p, q));
        } else {
            rHat = new Dot().forward(p, q).matmul(param(c, "w")).add(b);
        }
        rHat = rHat.reshape(rHat.shape(0));
        return Result.of("r_hat", rHat, "loss", Losses.mse(rHat, c.input("ratings")));
    }
}
