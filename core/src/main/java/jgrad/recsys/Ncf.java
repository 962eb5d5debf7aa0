package jgrad.recsys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import jgrad.nn.Weights;
import jgrad.nn.Config;
import jgrad.nn.Activation;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Embedding;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/**
 * Neural collaborative filtering (He et al. 2017), its three models, each giving the logit ŷ of "user u
 * interacted with item i" (σ(ŷ) is the probability), trained with binary cross-entropy on observed pairs
 * and sampled negatives:
 * <pre>
 *   GMF:    ŷ = hᵀ (p_u ⊙ q_i) + b
 *   MLP:    z₀ = [p'_u ; q'_i],   z_l = relu(W_l z_{l−1} + b_l) for l = 1 … L,   ŷ = hᵀ z_L + b
 *   NeuMF:  ŷ = hᵀ [p_u ⊙ q_i ; z_L] + b      (GMF and MLP with their own embeddings, one output layer)
 * </pre>
 * Parts: {@code gmf_user}, {@code gmf_item} (factors wide), {@code mlp_user}, {@code mlp_item}
 * ({@code mlpDim} wide), {@code mlp_1 … mlp_L}, {@code out}. Start: embeddings U(−0.05, 0.05), dense
 * layers Glorot-uniform with zero bias. {@link #neuMfFrom} builds the paper's pretrained NeuMF.
 */
public final class Ncf extends PairModel {

    public static final String TYPE = "NCF";

    /** Which of the three models. */
    public enum Kind { GMF, MLP, NEUMF }

    private final Kind kind;
    private final int factors;
    private final int mlpDim;
    private final int[] layers;
    private final Map<String, Embedding> tables = new LinkedHashMap<>();
    private final List<Dense> tower = new ArrayList<>();
    private final Dense out;

    /**
     * @param factors the GMF width (ignored by MLP)
     * @param mlpDim  the width of each MLP embedding (ignored by GMF)
     * @param layers  the MLP's hidden widths, e.g. {32, 16, 8} (ignored by GMF)
     */
    public Ncf(Kind kind, int numUsers, int numItems, int factors, int mlpDim, int[] layers, DType dtype,
               RandomGenerator rng) {
        super(numUsers, numItems);
        this.kind = kind;
        this.factors = factors;
        this.mlpDim = mlpDim;
        this.layers = layers.clone();
        int width = 0;
        if (kind != Kind.MLP) {
            table("gmf_user", numUsers, factors, dtype, rng);
            table("gmf_item", numItems, factors, dtype, rng);
            width += factors;
        }
        if (kind != Kind.GMF) {
            if (layers.length == 0) {
                throw new IllegalArgumentException(TYPE + " " + kind + ": needs at least one hidden layer");
            }
            table("mlp_user", numUsers, mlpDim, dtype, rng);
            table("mlp_item", numItems, mlpDim, dtype, rng);
            int in = 2 * mlpDim;
            for (int l = 0; l < layers.length; l++) {
                tower.add(child("mlp_" + (l + 1), new Dense(in, layers[l], Activation.RELU, dtype, rng)));
                in = layers[l];
            }
            width += in;
        }
        this.out = child("out", new Dense(width, 1, Activation.LINEAR, dtype, rng));
    }

    private void table(String name, int n, int dim, DType dtype, RandomGenerator rng) {
        tables.put(name, child(name, new Embedding(n, dim, dtype, rng)));
    }

    @Override
    public Tensor score(Map<String, Tensor> w, int[] users, int[] items) {
        List<Tensor> parts = new ArrayList<>(2);
        if (kind != Kind.MLP) {
            parts.add(lookup(w, "gmf_user", users).mul(lookup(w, "gmf_item", items)));
        }
        if (kind != Kind.GMF) {
            Tensor z = Tensor.concat(-1, lookup(w, "mlp_user", users), lookup(w, "mlp_item", items));
            for (int l = 0; l < tower.size(); l++) {
                z = tower.get(l).forward(Weights.under(w, "mlp_" + (l + 1)), z);
            }
            parts.add(z);
        }
        Tensor features = parts.size() == 1 ? parts.get(0) : Tensor.concat(-1, parts.get(0), parts.get(1));
        return out.forward(Weights.under(w, "out"), features);
    }

    private Tensor lookup(Map<String, Tensor> w, String table, int[] ids) {
        return tables.get(table).lookup(Weights.under(w, table), ids);
    }

    /**
     * The paper's pretrained NeuMF (§3.4.1): the embeddings and hidden layers copied from a trained GMF and a
     * trained MLP, and the output weights h = [α h_GMF ; (1 − α) h_MLP], b = α b_GMF + (1 − α) b_MLP.
     */
    public static Ncf neuMfFrom(Ncf gmf, Ncf mlp, double alpha) {
        if (gmf.kind != Kind.GMF || mlp.kind != Kind.MLP) {
            throw new IllegalArgumentException("neuMfFrom: needs a GMF and an MLP, got " + gmf.kind + " and " + mlp.kind);
        }
        if (gmf.numUsers != mlp.numUsers || gmf.numItems != mlp.numItems) {
            throw new IllegalArgumentException("neuMfFrom: the GMF has " + gmf.numUsers + " users and " + gmf.numItems
                    + " items but the MLP " + mlp.numUsers + " and " + mlp.numItems);
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("neuMfFrom: α must be in [0, 1], got " + alpha);
        }
        Ncf neu = new Ncf(Kind.NEUMF, gmf.numUsers, gmf.numItems, gmf.factors, mlp.mlpDim, mlp.layers, gmf.dtype(),
                new SplittableRandom(0));
        Map<String, Tensor> target = neu.parameters();
        gmf.parameters().forEach((name, t) -> {
            if (!name.startsWith("out.")) {
                target.get(name).copyFrom(t);
            }
        });
        mlp.parameters().forEach((name, t) -> {
            if (!name.startsWith("out.")) {
                target.get(name).copyFrom(t);
            }
        });
        Tensor h = Tensor.concat(1, gmf.parameters().get("out.W").mul(alpha), mlp.parameters().get("out.W").mul(1 - alpha));
        Tensor b = gmf.parameters().get("out.b").mul(alpha).add(mlp.parameters().get("out.b").mul(1 - alpha));
        target.get("out.W").copyFrom(h.detach());
        target.get("out.b").copyFrom(b.detach());
        return neu;
    }

    public Kind kind() {
        return kind;
    }

    /** The MLP's hidden layers, first to last (empty for a GMF). */
    List<Dense> tower() {
        return List.copyOf(tower);
    }

    /** A frozen copy that answers top-K queries with the item half of the first layer precomputed. */
    public NcfServing forServing() {
        return new NcfServing(this);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    protected void putSizes(Map<String, Object> c) {
        c.put("kind", kind.name().toLowerCase(Locale.ROOT));
        c.put("factors", factors);
        c.put("mlp_dim", mlpDim);
        c.put("layers", layers.clone());
    }

    public static Ncf fromConfig(Map<String, Object> map) {
        Config c = new Config(TYPE, map);
        return new Ncf(Kind.valueOf(c.getString("kind").toUpperCase(Locale.ROOT)), c.getInt("users"), c.getInt("items"),
                c.getInt("factors"), c.getInt("mlp_dim"), c.getIntArray("layers"), c.dtype(),
                new SplittableRandom(0));
    }
}
