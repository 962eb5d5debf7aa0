package jgrad.interop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.nn.Activation;
import jgrad.nn.Module;
import jgrad.nn.conv.Conv2D;
import jgrad.nn.conv.MaxPool2D;
import jgrad.nn.conv.Padding;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Dropout;
import jgrad.nn.layers.Embedding;
import jgrad.nn.layers.Flatten;
import jgrad.nn.layers.Lstm;
import jgrad.recsys.DotRecommender;
import jgrad.tensor.Tensor;
import jgrad.train.Sequential;

/**
 * The PyTorch architectures jgrad loads, each with its documented name mapping:
 * <pre>
 *   MLP   Sequential(Flatten, Linear, ReLU, Dropout, Linear)  1.weight → 1.W, 1.bias → 1.b, 4.* → 3.*
 *         (jgrad's Dense carries the ReLU, so PyTorch's indices 1, 4 are jgrad's 1, 3)
 *   CNN   Sequential(Conv2d(pad 1), ReLU, MaxPool2d(2), Flatten, Linear)  0.* → 0.*, 4.* → 3.*  (NCHW both)
 *   Dot   user/item Embedding + Linear(1, 1)  user.weight → user.W_emb, item.weight → item.W_emb, out.* → out.*
 *   LSTM  LSTM + Linear on h_n  weight_ih_l0 = [W_xi; W_xf; W_xc; W_xo] (PyTorch's gate order i, f, g, o),
 *         weight_hh_l0 likewise with W_h*, b_* = bias_ih_l0 + bias_hh_l0 row blocks, fc.* → fc.*
 *   GRU   GRU + Linear on h_n  weight_ih_l0 = [W_xr; W_xz; W_xn] (order r, z, n), weight_hh_l0 likewise,
 *         bias_ih_l0 = [b_r; b_z; b_xn], bias_hh_l0 = [b_r; b_z; b_hn] added (b_hn apart: {@link ResetAfterGru})
 *   Pool  Linear query projection, then dot attention: q = W h + b, α = softmax_t(x_t · q), c = Σ α_t x_t
 * </pre>
 */
public final class Architectures {

    private Architectures() {
    }

    /** Every architecture known, tried in order. */
    public static List<Architecture> all() {
        return List.of(new Mlp(), new Cnn(), new Dot(), new LstmHead(), new GruHead(), new AttentionPool());
    }

    private static final SplittableRandom UNUSED_START = new SplittableRandom(0);   // weights are loaded over it

    private static int dim(Map<String, Tensor> w, String name, int axis) {
        Tensor t = w.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no tensor '" + name + "' among " + w.keySet());
        }
        return t.shape(axis);
    }

    private static final class Mlp implements Architecture {
        @Override public String describe() { return "Flatten-Linear-ReLU-Dropout-Linear MLP"; }
        @Override public boolean matches(List<String> t) {
            return t.equals(List.of("torch.nn.Flatten", "torch.nn.Linear", "torch.nn.ReLU", "torch.nn.Dropout",
                    "torch.nn.Linear"));
        }
        @Override public Module build(Map<String, Tensor> w, DType dtype) {
            int in = dim(w, "1.weight", 1);
            int hidden = dim(w, "1.weight", 0);
            int out = dim(w, "4.weight", 0);
            return new Sequential(new Flatten(), new Dense(in, hidden, Activation.RELU, dtype, UNUSED_START),
                    new Dropout(0.2, 0), new Dense(hidden, out, Activation.LINEAR, dtype, UNUSED_START));
        }
        @Override public TorchMapping mapping() {
            return new TorchMapping().same("1.weight", "1.W").same("1.bias", "1.b").same("4.weight", "3.W")
                    .same("4.bias", "3.b");
        }
        @Override public Map<String, Tensor> outputs(Module m, Map<String, Tensor> in) {
            List<jgrad.nn.Layer> layers = ((Sequential) m).layers();
            Tensor hidden = layers.get(1).forward(layers.get(0).forward(in.get("x")));
            return Map.of("hidden", hidden, "logits", ((Sequential) m).forward(in.get("x")));
        }
    }

    private static final class Cnn implements Architecture {
        @Override public String describe() { return "Conv2d-ReLU-MaxPool2d-Flatten-Linear CNN"; }
        @Override public boolean matches(List<String> t) {
            return t.equals(List.of("torch.nn.Conv2d", "torch.nn.ReLU", "torch.nn.MaxPool2d", "torch.nn.Flatten",
                    "torch.nn.Linear"));
        }
        @Override public Module build(Map<String, Tensor> w, DType dtype) {
            int filters = dim(w, "0.weight", 0);
            int channels = dim(w, "0.weight", 1);
            int k = dim(w, "0.weight", 2);
            Conv2D conv = new Conv2D(channels, filters, new int[] {k, k}, new int[] {1, 1}, Padding.of(k / 2),
                    new int[] {1, 1}, Activation.RELU, dtype, UNUSED_START);
            return new Sequential(conv, new MaxPool2D(2), new Flatten(),
                    new Dense(dim(w, "4.weight", 1), dim(w, "4.weight", 0), Activation.LINEAR, dtype, UNUSED_START));
        }
        @Override public TorchMapping mapping() {
            return new TorchMapping().same("0.weight", "0.W").same("0.bias", "0.b").same("4.weight", "3.W")
                    .same("4.bias", "3.b");
        }
        /** {@code conv} is compared after the ReLU (jgrad's Conv2D applies it), as relu(conv) on both sides. */
        @Override public Map<String, Tensor> outputs(Module m, Map<String, Tensor> in) {
            List<jgrad.nn.Layer> layers = ((Sequential) m).layers();
            Tensor conv = layers.get(0).forward(in.get("x"));
            Tensor pool = layers.get(1).forward(conv);
            Map<String, Tensor> out = new LinkedHashMap<>();
            out.put("relu(conv)", conv);
            out.put("pool", pool);
            out.put("logits", layers.get(3).forward(layers.get(2).forward(pool)));
            return out;
        }
    }

    private static final class Dot implements Architecture {
        @Override public String describe() { return "dot-product recommender (Embedding, Embedding, Linear(1,1))"; }
        @Override public boolean matches(List<String> t) {
            return t.equals(java.util.Arrays.asList("torch.nn.Embedding", "torch.nn.Embedding", null, "torch.nn.Linear"));
        }
        @Override public Module build(Map<String, Tensor> w, DType dtype) {
            return new DotRecommender(dim(w, "user.weight", 0), dim(w, "item.weight", 0), dim(w, "user.weight", 1),
                    dtype, UNUSED_START);
        }
        @Override public TorchMapping mapping() {
            return new TorchMapping().same("user.weight", "user.W_emb").same("item.weight", "item.W_emb")
                    .same("out.weight", "out.W").same("out.bias", "out.b");
        }
        @Override public Map<String, Tensor> outputs(Module m, Map<String, Tensor> in) {
            DotRecommender model = (DotRecommender) m;
            int[] users = ids(in.get("user"));
            int[] items = ids(in.get("item"));
            Map<String, Tensor> w = model.parameters();
            Embedding user = (Embedding) model.children().get("user");
            Embedding item = (Embedding) model.children().get("item");
            Tensor p = user.lookup(prefixed(w, "user."), users);
            Tensor q = item.lookup(prefixed(w, "item."), items);
            Tensor dot = new jgrad.nn.layers.Dot().forward(p, q);
            return Map.of("dot", dot.reshape(users.length),
                    "r_hat", model.score(w, users, items).reshape(users.length));
        }
    }

    private static final class LstmHead implements Architecture {
        @Override public String describe() { return "LSTM + Linear on the last hidden state"; }
        @Override public boolean matches(List<String> t) {
            return t.equals(List.of("torch.nn.LSTM", "torch.nn.Linear"));
        }
        @Override public Module build(Map<String, Tensor> w, DType dtype) {
            int hidden = dim(w, "lstm.weight_hh_l0", 1);
            return new LstmClassifier(dim(w, "lstm.weight_ih_l0", 1), hidden, dim(w, "fc.weight", 0), dtype);
        }
        @Override public TorchMapping mapping() {
            return new TorchMapping()
                    .rows("lstm.weight_ih_l0", "lstm.W_xi", "lstm.W_xf", "lstm.W_xc", "lstm.W_xo")
                    .rows("lstm.weight_hh_l0", "lstm.W_hi", "lstm.W_hf", "lstm.W_hc", "lstm.W_ho")
                    .rows("lstm.bias_ih_l0", "lstm.b_i", "lstm.b_f", "lstm.b_c", "lstm.b_o")
                    .addedRows("lstm.bias_hh_l0", "lstm.b_i", "lstm.b_f", "lstm.b_c", "lstm.b_o")
                    .same("fc.weight", "fc.W").same("fc.bias", "fc.b");
        }
        @Override public Map<String, Tensor> outputs(Module m, Map<String, Tensor> in) {
            LstmClassifier model = (LstmClassifier) m;
            Lstm.Output o = model.states(in.get("x"));
            Map<String, Tensor> out = new LinkedHashMap<>();
            out.put("h", o.h());
            out.put("c", o.c());
            out.put("h_n", o.lastH());
            out.put("c_n", o.lastC());
            out.put("y", model.fc().forward(o.lastH()));
            return out;
        }
    }

    private static final class GruHead implements Architecture {
        @Override public String describe() { return "GRU (PyTorch's reset-after form) + Linear on the last hidden state"; }
        @Override public boolean matches(List<String> t) {
            return t.equals(List.of("torch.nn.GRU", "torch.nn.Linear"));
        }
        @Override public Module build(Map<String, Tensor> w, DType dtype) {
            return new GruClassifier(dim(w, "gru.weight_ih_l0", 1), dim(w, "gru.weight_hh_l0", 1),
                    dim(w, "fc.weight", 0), dtype);
        }
        @Override public TorchMapping mapping() {
            return new TorchMapping()
                    .rows("gru.weight_ih_l0", "gru.W_xr", "gru.W_xz", "gru.W_xn")
                    .rows("gru.weight_hh_l0", "gru.W_hr", "gru.W_hz", "gru.W_hn")
                    .rows("gru.bias_ih_l0", "gru.b_r", "gru.b_z", "gru.b_xn")
                    .addedRows("gru.bias_hh_l0", "gru.b_r", "gru.b_z", "gru.b_hn")
                    .same("fc.weight", "fc.W").same("fc.bias", "fc.b");
        }
        @Override public Map<String, Tensor> outputs(Module m, Map<String, Tensor> in) {
            GruClassifier model = (GruClassifier) m;
            Tensor h = model.gru().forward(in.get("x"));
            Tensor last = ResetAfterGru.last(h);
            Map<String, Tensor> out = new LinkedHashMap<>();
            out.put("h", h);
            out.put("h_n", last);
            out.put("y", model.fc().forward(last));
            return out;
        }
    }

    private static final class AttentionPool implements Architecture {
        @Override public String describe() { return "dot attention pooling with a Linear query projection"; }
        @Override public boolean matches(List<String> t) {
            return t.equals(java.util.Arrays.asList("torch.nn.Linear", null, null, null));
        }
        @Override public Module build(Map<String, Tensor> w, DType dtype) {
            return new ProjectedAttention(dim(w, "query.weight", 1), dim(w, "query.weight", 0), dtype);
        }
        @Override public TorchMapping mapping() {
            return new TorchMapping().same("query.weight", "query.W").same("query.bias", "query.b");
        }
        @Override public Map<String, Tensor> outputs(Module m, Map<String, Tensor> in) {
            ProjectedAttention model = (ProjectedAttention) m;
            Tensor x = in.get("x");
            Tensor h = in.get("h");
            Tensor q = model.query(h);
            jgrad.nn.layers.Attention.Output withProjection = model.pool(x, q);
            jgrad.nn.layers.Attention.Output raw = model.pool(x, h);
            Map<String, Tensor> out = new LinkedHashMap<>();
            out.put("q", q);
            out.put("alpha", withProjection.alpha());
            out.put("c", withProjection.c());
            out.put("alpha_noproj", raw.alpha());
            out.put("c_noproj", raw.c());
            return out;
        }
    }

    private static int[] ids(Tensor t) {
        double[] v = t.to(Device.CPU).toDoubleArray();   // ids steer the gather from the host
        int[] ids = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            ids[i] = (int) v[i];
        }
        return ids;
    }

    private static Map<String, Tensor> prefixed(Map<String, Tensor> w, String prefix) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        w.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }
}
