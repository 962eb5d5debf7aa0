package jgrad.nn.layers;

import java.util.SplittableRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.backend.Device;
import jgrad.nn.Config;
import jgrad.nn.Layer;
import jgrad.nn.Module;
import jgrad.nn.Weights;
import jgrad.nn.init.Initializer;
import jgrad.nn.init.Initializers;
import jgrad.backend.DType;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * An embedding (article 002 §4.1): embedding(x) = W_emb x for a one-hot x ∈ ℝᴺ, i.e. column i of
 * W_emb ∈ ℝ^{d×N} is the vector v_i of id i. Done as a lookup, never as a product.
 *
 * <p><b>Layout.</b> The parameter {@code W_emb} is stored as [N, d], the transpose of the article's
 * matrix: row i is v_i. A lookup is then one {@code gatherRows} of contiguous rows, its gradient is
 * row-sparse ({@link Tensor#rowGrad()}: only the ids of the batch, so a table of a million ids
 * trains at the cost of the batch), and the layout is the one Keras and PyTorch store, so weights
 * move between them unchanged. {@link #columns()} gives the article's [d, N] view, and
 * {@link #fromColumns} builds the layer from it (the golden cases hold W_emb as [d, N]).
 * Ids ∈ [0, N). Default start: U(−0.05, 0.05) as in Keras.
 */
public final class Embedding extends Module implements Layer {

    private final int n;
    private final int d;
    /** [n, d], kept so that a lookup checks the table without making the array each time. */
    private final int[] tableShape;
    /** For error messages; made once, as forward runs on every step. */
    private final String name;
    private final boolean sparse;

    /** A table of n ids of dimension d, with a row-sparse gradient. */
    public Embedding(int n, int d, RandomGenerator rng) {
        this(n, d, DType.F32, rng);
    }

    /** A table of n ids of dimension d in {@code dtype}, Keras's start, with a row-sparse gradient. */
    public Embedding(int n, int d, DType dtype, RandomGenerator rng) {
        this(n, d, dtype, rng, Initializers.uniform(0.05), true);
    }

    /** @param sparse whether backward fills {@link Tensor#rowGrad()} (true) or a dense {@code grad} */
    public Embedding(int n, int d, DType dtype, RandomGenerator rng, Initializer init, boolean sparse) {
        if (n <= 0 || d <= 0) {
            throw new IllegalArgumentException("Embedding: sizes must be positive, got N=" + n + ", d=" + d);
        }
        this.n = n;
        this.d = d;
        this.tableShape = new int[] {n, d};
        this.name = "Embedding(N=" + n + ", d=" + d + ")";
        this.sparse = sparse;
        param("W_emb", init.create(rng, dtype, n, d)).sparseGrad(sparse);
    }

    /** The layer whose W_emb is the article's matrix {@code columns} [d, N] (column i is id i). */
    public static Embedding fromColumns(Tensor columns, boolean sparse) {
        if (columns.rank() != 2) {
            throw new IllegalArgumentException("Embedding.fromColumns: W_emb must be [d, N], got shape "
                    + Shapes.format(columns.shape()));
        }
        Tensor rows = columns.detach().t().contiguous();
        return new Embedding(columns.shape(1), columns.shape(0), columns.dtype(), null,
                (rng, dtype, shape) -> rows, sparse);
    }

    /** The article's W_emb [d, N] (column i is id i), a view of the stored table. */
    public Tensor columns() {
        return parameters().get("W_emb").t();
    }

    /** v_id for every id: ids of shape S (whole numbers) give [S..., d]. */
    @Override
    public Tensor forward(Tensor ids) {
        return forward(parameters(), ids);
    }

    public Tensor forward(Map<String, Tensor> weights, Tensor ids) {
        return lookup(weights, toIds(ids), ids.shape());
    }

    /** v_ids[i] for ids of the given shape (default [ids.length]): result [shape..., d]. */
    public Tensor lookup(Map<String, Tensor> weights, int[] ids, int... idsShape) {
        Tensor table = Weights.get(name(), weights, "W_emb", tableShape);
        checkIds(ids);
        return table.gatherRows(ids, idsShape);
    }

    /**
     * h[i] · v_{ids[i]}: each row of h [..., d] dotted with the vector of its own id, [...]; the same as
     * {@code h.mul(lookup(…)).sum(-1)} without the looked-up copy ({@link Tensor#gatherDot}).
     */
    public Tensor dotRows(Map<String, Tensor> weights, Tensor h, int[] ids) {
        Tensor table = Weights.get(name(), weights, "W_emb", tableShape);
        checkIds(ids);
        return h.gatherDot(table, ids);
    }

    private void checkIds(int[] ids) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= n) {
                // the position and the range, not the id: an id may stand for a person
                throw new IndexOutOfBoundsException(name() + ": the id at position " + i + " is "
                        + (ids[i] < 0 ? "negative" : "beyond the table") + ", outside its " + n + " ids [0, " + n + ")");
            }
        }
    }

    /** The ids held by a tensor of whole numbers. */
    int[] toIds(Tensor ids) {
        double[] v = ids.to(Device.CPU).toDoubleArray();   // ids steer the gather from the host
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i])) {
                throw new IllegalArgumentException(name() + ": the id at position " + i + " is not a whole number");
            }
            out[i] = (int) v[i];
        }
        return out;
    }

    private String name() {
        return name;
    }

    public int size() {
        return n;
    }

    public int dim() {
        return d;
    }

    @Override
    public String type() {
        return "Embedding";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("N", n);
        c.put("d", d);
        c.put("sparse", sparse);
        c.put("dtype", Config.dtypeName(parameters().get("W_emb").dtype()));
        return c;
    }

    /** Rebuilds from {@link #config()}; the weights are loaded afterwards. */
    public static Embedding fromConfig(Map<String, Object> c) {
        Config k = new Config("Embedding", c);
        return new Embedding(k.getInt("N"), k.getInt("d"), k.dtype(), new SplittableRandom(0),
                Initializers.zeros(), k.getBoolean("sparse", true));
    }
}
