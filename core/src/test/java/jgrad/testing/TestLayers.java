package jgrad.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import jgrad.nn.Config;
import jgrad.nn.Layer;
import jgrad.nn.Module;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;
import jgrad.nn.MergeLayer;

/** Minimal layers for the tests of optimizers, model files and training ({@link TestLayerTypes} makes them loadable). */
public final class TestLayers {

    private TestLayers() {
    }

    public static Tensor mse(Tensor prediction, Tensor target) {
        Tensor d = prediction.sub(target);
        return d.mul(d).mean();
    }

    /** y = x Wᵀ + b, W [out, in] drawn from N(0, 1/in) with the config's seed (or zeros). */
    public static final class Affine extends Module implements Layer {
        private final Map<String, Object> config = new LinkedHashMap<>();
        private final Tensor w;
        private final Tensor b;

        public Affine(int in, int out, DType dtype, long seed, boolean zeros) {
            config.put("in", in);
            config.put("out", out);
            config.put("dtype", dtype.name());
            config.put("seed", seed);
            config.put("zeros", zeros);
            double std = zeros ? 0 : 1 / Math.sqrt(in);
            w = param("W", Tensor.randn(new Random(seed), dtype, 0, std, out, in));
            b = param("b", Tensor.zeros(dtype, out));
        }

        public Affine(int in, int out, DType dtype, long seed) {
            this(in, out, dtype, seed, false);
        }

        static Affine fromConfig(Map<String, Object> m) {
            Config c = new Config("TestAffine", m);
            return new Affine(c.getInt("in"), c.getInt("out"), DType.valueOf(c.getString("dtype")),
                    c.getInt("seed"), c.getBoolean("zeros"));
        }

        @Override public Tensor forward(Tensor x) { return x.matmul(w, false, true).add(b); }
        @Override public String type() { return "TestAffine"; }
        @Override public Map<String, Object> config() { return config; }
    }

    /** A layer without parameters and not a Module. */
    public static final class Tanh implements Layer {
        @Override public Tensor forward(Tensor x) { return x.tanh(); }
        @Override public String type() { return "TestTanh"; }
        @Override public Map<String, Object> config() { return Map.of(); }
    }

    /** Rows of a table [n, d] looked up by the ids in x [B]; the table has row-sparse gradients. */
    public static final class Embedding extends Module implements Layer {
        private final Map<String, Object> config = new LinkedHashMap<>();
        private final Tensor table;

        public Embedding(int n, int d, DType dtype, long seed) {
            config.put("n", n);
            config.put("d", d);
            config.put("dtype", dtype.name());
            config.put("seed", seed);
            table = param("W_emb", Tensor.randn(new Random(seed), dtype, 0, 0.5, n, d)).sparseGrad(true);
        }

        static Embedding fromConfig(Map<String, Object> m) {
            Config c = new Config("TestEmbedding", m);
            return new Embedding(c.getInt("n"), c.getInt("d"), DType.valueOf(c.getString("dtype")), c.getInt("seed"));
        }

        public Tensor table() { return table; }

        @Override public Tensor forward(Tensor x) {
            double[] v = x.toDoubleArray();
            int[] ids = new int[v.length];
            for (int i = 0; i < v.length; i++) {
                ids[i] = (int) v[i];
            }
            return table.gatherRows(ids);
        }

        @Override public String type() { return "TestEmbedding"; }
        @Override public Map<String, Object> config() { return config; }
    }

    /** Row-wise dot product of two [B, d] inputs: [B, 1]. */
    public static final class Dot implements MergeLayer {
        @Override public Tensor forward(Tensor... in) { return in[0].mul(in[1]).sum(1, true); }
        @Override public String type() { return "TestDot"; }
        @Override public Map<String, Object> config() { return Map.of(); }
    }
}
