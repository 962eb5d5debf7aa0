package jgrad.privacy.dp;

import java.util.Map;

import jgrad.backend.Device;
import jgrad.nn.layers.Embedding;
import jgrad.tensor.Tensor;

/**
 * Per-example gradients of {@link Embedding} on ids [B] or [B, T]: example i's gradient of the table is row-sparse,
 * the sum of the output gradients g_{i,t} at row id_{i,t}, so
 * <pre>
 *   ‖G_i‖² = Σ_{t,s} [id_{i,t} = id_{i,s}] (g_{i,t}·g_{i,s})
 * </pre>
 * (the ghost identity with one-hot inputs, a_t·a_s = [id_t = id_s]), and the clipped sum scatters c_i g_{i,t}
 * into row id_{i,t}. No per-example table is made.
 */
final class EmbeddingExamples implements ExampleGradients {

    private final Embedding layer;
    private final Tensor table;
    private int[] ids;
    private Tensor sameId;
    private Tensor probe;

    EmbeddingExamples(Embedding layer) {
        this.layer = layer;
        this.table = layer.parameters().get("W_emb");
    }

    @Override
    public Tensor forward(Tensor x) {
        ids = wholeNumbers(x);
        int batch = x.shape(0);
        int positions = ids.length / Math.max(1, batch);
        Tensor e = layer.lookup(Map.of("W_emb", table.detach()), ids, x.shape());
        sameId = sameIdMask(batch, positions).to(x.device());
        probe = Tensor.zeros(e.device(), e.dtype(), batch, positions, layer.dim()).requiresGrad(true);
        return e.add(probe.reshape(e.shape()));
    }

    /** [id_{i,t} = id_{i,s}] as a [B, T, T] tensor of zeros and ones (ids are host data that steer the lookup). */
    private Tensor sameIdMask(int batch, int positions) {
        double[] mask = new double[batch * positions * positions];
        for (int i = 0; i < batch; i++) {
            for (int t = 0; t < positions; t++) {
                for (int s = 0; s < positions; s++) {
                    boolean same = ids[i * positions + t] == ids[i * positions + s];
                    mask[(i * positions + t) * positions + s] = same ? 1 : 0;
                }
            }
        }
        return Tensor.of(mask, batch, positions, positions).to(table.dtype());
    }

    @Override
    public Tensor squaredNorms() {
        Tensor g = probe.grad();
        int batch = g.shape(0);
        int positions = g.shape(1);
        return g.matmul(g, false, true).mul(sameId).reshape(batch, positions * positions).sum(1, false);
    }

    @Override
    public Map<Tensor, Tensor> clippedSums(Tensor factors) {
        Tensor g = probe.grad();
        Tensor rows = Tensor.zeros(table.device(), table.dtype(), table.shape()).requiresGrad(true);
        rows.gatherRows(ids, ids.length).backward(g.mul(factors.reshape(g.shape(0), 1, 1)).reshape(ids.length, g.shape(2)));
        return Map.of(table, rows.grad());
    }

    private int[] wholeNumbers(Tensor x) {
        double[] v = x.to(Device.CPU).toDoubleArray();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i])) {
                throw new IllegalArgumentException("Embedding: id at position " + i + " is not a whole number");
            }
            out[i] = (int) v[i];
        }
        return out;
    }
}
