package jgrad.privacy.dp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.backend.Device;
import jgrad.nn.loss.Loss;
import jgrad.optim.Optimizer;
import jgrad.recsys.PairModel;
import jgrad.tensor.Tensor;

/**
 * DP-SGD (Abadi et al. 2016, as {@link DpSgd}) for a recommender of (user, item) pairs whose parameters are
 * embedding tables looked up by the user or the item id, such as {@link jgrad.recsys.BiasedMF}. One example is
 * one rating, so the guarantee is per rating (example-level DP), not per user.
 *
 * <p><b>Per-example gradients of an embedding.</b> Example i reads row uᵢ of a user table W, so its gradient of W
 * is row-sparse: one row δᵢ = ∂ℓᵢ/∂W[uᵢ] at uᵢ, zero elsewhere, and ‖gᵢ‖² = Σ_tables ‖δᵢ‖². To get δᵢ even when two
 * examples of a batch share a user, each step scores the batch from per-example tables: table W is replaced by
 * W' whose row i is W[uᵢ] (i &lt; B), and example i looks up row i of every table, so the gradient of W' row i is
 * δᵢ alone. The clipped sum Σᵢ cᵢ δᵢ, cᵢ = min(1, C/‖gᵢ‖), is scattered back to the rows uᵢ, Gaussian noise
 * N(0, σ²C²) is added to every row of every table (the released gradient must not reveal which rows were read),
 * and the sum divided by qN goes to the wrapped optimizer. Batches longer than the smaller table are scored in
 * slices. Which tables the users and which the items index is found at {@link #bind} by one probe lookup; a
 * parameter that is not such a table (a dense layer's weight) is refused by name.
 */
public final class PairDpSgd {

    private final Optimizer inner;
    private final NoisyMean mechanism;
    private PairModel model;
    private final Map<String, Boolean> byUser = new LinkedHashMap<>();

    private PairDpSgd(Optimizer inner, NoisyMean mechanism) {
        this.inner = inner;
        this.mechanism = mechanism;
    }

    /** The same parameters as {@link DpSgd#of}: N is the number of training ratings. */
    public static PairDpSgd of(Optimizer inner, double clipNorm, double noiseMultiplier, double sampleRate,
                               int datasetSize, long seed) {
        return new PairDpSgd(inner, new NoisyMean(clipNorm, noiseMultiplier, sampleRate, datasetSize, seed));
    }

    /** Binds the model after finding which id reads each table; refuses a parameter that is not a table. */
    public PairDpSgd bind(PairModel model) {
        if (model.numItems() < 2) {
            throw new IllegalArgumentException("DP-SGD for pair models needs at least 2 items to tell user tables "
                    + "from item tables, got " + model.numItems());
        }
        Map<String, Tensor> probe = new LinkedHashMap<>();
        model.parameters().forEach((name, p) -> probe.put(name, p.detach().sparseGrad(true).requiresGrad(true)));
        model.score(probe, new int[] {0}, new int[] {1}).sum().backward();
        byUser.clear();
        probe.forEach((name, p) -> {
            if (p.grad() != null || p.rank() != 2) {
                throw new IllegalArgumentException("DP-SGD for pair models cannot compute per-example gradients of "
                        + "parameter '" + name + "': it is not an embedding table read by user or item id");
            }
            int[] rows = p.rowGrad() == null ? new int[0] : p.rowGrad().ids();
            if (rows.length != 1) {
                throw new IllegalArgumentException("DP-SGD for pair models: parameter '" + name + "' is read "
                        + (rows.length == 0 ? "by neither the user nor the item id" : "by both the user and the item id"));
            }
            byUser.put(name, rows[0] == 0);
        });
        inner.bind(model);
        this.model = model;
        return this;
    }

    /**
     * One private step on a sampled batch of ratings (the arrays may be empty: the step is then noise alone);
     * {@code loss} must be the mean of per-example losses. Targets are [B, 1] on the model's device. Returns
     * the batch's mean loss (NaN for an empty batch).
     */
    public double step(int[] users, int[] items, Tensor targets, Loss loss) {
        if (model == null) {
            throw new IllegalStateException("PairDpSgd.step(): no model bound; call bind(model)");
        }
        Map<String, Tensor> params = model.parameters();
        Map<String, Tensor> sums = new LinkedHashMap<>();
        params.forEach((name, p) -> sums.put(name, Tensor.zeros(p.device(), p.dtype(), p.shape())));
        int slice = Math.min(model.numUsers(), model.numItems());
        double lossSum = 0;
        for (int from = 0; from < users.length; from += slice) {
            int to = Math.min(users.length, from + slice);
            lossSum += clippedSlice(Arrays.copyOfRange(users, from, to), Arrays.copyOfRange(items, from, to),
                    targets.narrow(0, from, to - from), loss, sums);
        }
        params.forEach((name, p) -> NoisyMean.setGrad(p, mechanism.privatize(sums.get(name))));
        inner.step();
        mechanism.stepTaken();
        return users.length == 0 ? Double.NaN : lossSum / users.length;
    }

    /** Adds the clipped per-example gradients of one slice (B ≤ every table's rows) to {@code sums}; the loss sum. */
    private double clippedSlice(int[] users, int[] items, Tensor targets, Loss loss, Map<String, Tensor> sums) {
        int b = users.length;
        Map<String, Tensor> perExample = new LinkedHashMap<>();
        model.parameters().forEach((name, p) -> perExample.put(name,
                p.detach().gatherRows(padded(byUser.get(name) ? users : items, p.shape(0)))
                        .sparseGrad(true).requiresGrad(true)));
        int[] own = new int[b];
        Arrays.setAll(own, i -> i);
        Tensor total = loss.compute(model.score(perExample, own, own), targets).mul(b);
        double lossSum = total.to(Device.CPU).item();
        total.backward();
        List<Tensor> rows = new ArrayList<>();
        perExample.values().forEach(t -> rows.add(t.rowGrad().rows()));
        Tensor squaredNorms = null;
        for (Tensor r : rows) {
            Tensor term = PerExample.rowSquaredNorms(r);
            squaredNorms = squaredNorms == null ? term : squaredNorms.add(term);
        }
        Tensor factors = mechanism.clipFactors(squaredNorms).reshape(b, 1);
        int k = 0;
        for (Map.Entry<String, Tensor> e : sums.entrySet()) {
            Tensor clipped = rows.get(k++).mul(factors).contiguous();
            Tensor sum = e.getValue();
            int[] ids = byUser.get(e.getKey()) ? users : items;
            sum.backend().scatterAddRows(ids, ids.length, sum.shape(1), clipped.storage(), clipped.offset(), sum.storage(),
                    sum.offset());
        }
        return lossSum;
    }

    /** ids followed by row 0 up to {@code rows} entries: the per-example table keeps the table's shape. */
    private static int[] padded(int[] ids, int rows) {
        return Arrays.copyOf(ids, rows);
    }

    /**
     * One epoch: round(1/q) steps, each on a fresh Poisson sample of the N ratings (users, items, targets [N, 1]
     * on the model's device). Returns the mean of the steps' losses.
     */
    public double epoch(int[] users, int[] items, Tensor targets, Loss loss, RandomGenerator random) {
        int n = mechanism.datasetSize;
        if (users.length != n || items.length != n || targets.shape(0) != n) {
            throw new IllegalArgumentException("DP-SGD was set up for " + n + " ratings but got " + users.length
                    + " users, " + items.length + " items and " + targets.shape(0) + " targets");
        }
        double sum = 0;
        int counted = 0;
        for (long s = 0; s < mechanism.stepsPerEpoch(); s++) {
            int[] ids = mechanism.sampleBatch(random);
            int[] u = new int[ids.length];
            int[] v = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                u[i] = users[ids[i]];
                v[i] = items[ids[i]];
            }
            Tensor y = ids.length == 0 ? Tensor.zeros(targets.device(), targets.dtype(), 0, targets.shape(1))
                    : targets.gatherRows(ids, ids.length);
            double l = step(u, v, y, loss);
            if (!Double.isNaN(l)) {
                sum += l;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    /** The privacy spent so far at {@code delta}: ε is infinite when σ = 0. */
    public RdpAccountant.Spent spent(double delta) {
        return mechanism.spent(delta);
    }

    public long steps() {
        return mechanism.steps();
    }
}
