package jgrad.ctr;

import java.util.Map;
import java.util.TreeSet;

import jgrad.tensor.Tensor;

/**
 * DIN's mini-batch aware regularization (Zhou et al. 2018 §5.1) of the embedding tables: for a batch
 * B and a table W whose row w_j is feature j,
 * <pre>
 *   R(B) = λ Σ_{j looked up in B} ‖w_j‖² / n_j
 * </pre>
 * where n_j is the number of training examples feature j occurs in (as user, as candidate, or in the
 * history). Only the rows a batch uses are penalized, so the cost is the batch's, not the table's; rare
 * features are pulled harder to zero than frequent ones. A feature absent from training counts as n = 1.
 */
public final class MiniBatchAwareL2 {

    private final double lambda;
    private final int[] userCounts;
    private final int[] itemCounts;

    private MiniBatchAwareL2(double lambda, int[] userCounts, int[] itemCounts) {
        this.lambda = lambda;
        this.userCounts = userCounts;
        this.itemCounts = itemCounts;
    }

    /** The regularizer of strength λ ≥ 0 with the counts of {@code training}. */
    public static MiniBatchAwareL2 of(CtrExamples training, double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("the regularization strength must be 0 or more, got " + lambda);
        }
        int maxUser = 0;
        int maxItem = 0;
        for (int r = 0; r < training.size(); r++) {
            maxUser = Math.max(maxUser, training.users()[r]);
            maxItem = Math.max(maxItem, training.items()[r]);
            for (int h : training.histories()[r]) {
                maxItem = Math.max(maxItem, h);
            }
        }
        int[] users = new int[maxUser + 1];
        int[] items = new int[maxItem + 1];
        for (int r = 0; r < training.size(); r++) {
            users[training.users()[r]]++;
            items[training.items()[r]]++;
            for (int h : training.histories()[r]) {
                items[h]++;
            }
        }
        return new MiniBatchAwareL2(lambda, users, items);
    }

    public double lambda() {
        return lambda;
    }

    /** How many training examples feature {@code id} of the given kind occurs in. */
    public int count(CtrModel.IdKind kind, int id) {
        int[] counts = kind == CtrModel.IdKind.USER ? userCounts : itemCounts;
        return id < counts.length ? counts[id] : 0;
    }

    /** R(B) for the model's embedding tables, a scalar on the model's device. */
    public Tensor penalty(CtrModel model, CtrBatch batch) {
        Map<String, Tensor> params = model.parameters();
        Tensor total = null;
        for (Map.Entry<String, CtrModel.IdKind> table : model.embeddingTables().entrySet()) {
            Tensor w = params.get(table.getKey());
            int[] ids = lookedUp(table.getValue(), batch);
            double[] inverse = new double[ids.length];
            for (int k = 0; k < ids.length; k++) {
                inverse[k] = 1.0 / Math.max(1, count(table.getValue(), ids[k]));
            }
            Tensor rows = w.gatherRows(ids, ids.length);
            Tensor term = rows.mul(rows).sum(1, false).mul(Tensor.of(inverse, ids.length).to(w.dtype()).to(w.device()))
                    .sum();
            total = total == null ? term : total.add(term);
        }
        return total.mul(lambda);
    }

    /** The distinct ids of that kind a batch looks up (padding id 0 excluded). */
    static int[] lookedUp(CtrModel.IdKind kind, CtrBatch batch) {
        TreeSet<Integer> ids = new TreeSet<>();
        if (kind == CtrModel.IdKind.USER) {
            for (int u : batch.users()) {
                ids.add(u);
            }
        } else {
            for (int i : batch.items()) {
                ids.add(i);
            }
            for (int h : batch.history()) {
                ids.add(h);
            }
            ids.remove(0);
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }
}
