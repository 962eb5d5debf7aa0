package jgrad.recsys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jgrad.backend.Arena;
import jgrad.backend.Device;
import jgrad.autograd.Autograd;
import jgrad.nn.layers.Dense;
import jgrad.tensor.Tensor;

/**
 * A frozen copy of a trained {@link Ncf} model that answers "top K for this user" fast. The first MLP
 * layer is linear before its relu, so it splits into a user half and an item half:
 * <pre>
 *   W₁ [p'_u ; q'_i] + b₁ = W₁ᵤ p'_u + (W₁ᵢ q'_i + b₁)
 * </pre>
 * The item half of every item, an [items, L₁] table, is computed once here. The output layer splits
 * the same way over NeuMF's two parts, h = [h_G ; h_M]:
 * <pre>
 *   ŷ(u, i) = q_i · (h_G ⊙ p_u)  +  h_M · z_L(u, i)  +  b
 * </pre>
 * so a query is one matrix-vector product for GMF and, for the MLP, one broadcast add with relu over
 * [items, L₁] followed by the deeper layers: the first layer's [items, 2d] × [2d, L₁] product is gone.
 * The scores equal {@link Ncf#scoreItems} up to float rounding (the sums are associated differently).
 * The snapshot copies the weights: training the model further does not change it; take a new one.
 */
public final class NcfServing extends ServingRecommender {

    private final int numUsers;
    private final int numItems;
    private final Tensor gmfUsers;      // [users, f], or null for an MLP
    private final Tensor gmfItems;      // [items, f]
    private final Tensor hGmf;          // [f]
    private final Tensor mlpUsers;      // [users, d], or null for a GMF
    private final Tensor firstUserHalf; // W₁ᵤ [L₁, d]
    private final Tensor itemHalf;      // [items, L₁] = mlp_item W₁ᵢᵀ + b₁
    private final List<Dense> deeper = new ArrayList<>();
    private final List<Map<String, Tensor>> deeperWeights = new ArrayList<>();
    private final Tensor hMlpColumn;    // [L, 1]
    private final Tensor bias;          // [1]

    public NcfServing(Ncf model) {
        this.numUsers = model.numUsers();
        this.numItems = model.numItems();
        Map<String, Tensor> w = model.parameters();
        Tensor h = w.get("out.W");      // [1, width]
        try (var _ = Autograd.noGrad()) {
            int f = 0;
            if (model.kind() != Ncf.Kind.MLP) {
                gmfUsers = w.get("gmf_user.W_emb").copy();
                gmfItems = w.get("gmf_item.W_emb").copy();
                f = gmfItems.shape(1);
                hGmf = h.reshape(h.numel()).narrow(0, 0, f).copy();
            } else {
                gmfUsers = gmfItems = hGmf = null;
            }
            if (model.kind() != Ncf.Kind.GMF) {
                int d = w.get("mlp_user.W_emb").shape(1);
                Tensor w1 = w.get("mlp_1.W");
                mlpUsers = w.get("mlp_user.W_emb").copy();
                firstUserHalf = w1.narrow(1, 0, d).copy();
                itemHalf = w.get("mlp_item.W_emb").matmul(w1.narrow(1, d, d), false, true).add(w.get("mlp_1.b"));
                List<Dense> tower = model.tower();
                for (int l = 1; l < tower.size(); l++) {
                    deeper.add(tower.get(l));
                    deeperWeights.add(Map.of("W", w.get("mlp_" + (l + 1) + ".W").copy(),
                            "b", w.get("mlp_" + (l + 1) + ".b").copy()));
                }
                hMlpColumn = h.reshape(h.numel()).narrow(0, f, h.numel() - f).copy().reshape(h.numel() - f, 1);
            } else {
                mlpUsers = firstUserHalf = itemHalf = hMlpColumn = null;
            }
            bias = w.get("out.b").copy();
        }
    }

    @Override
    public int numUsers() {
        return numUsers;
    }

    @Override
    public int numItems() {
        return numItems;
    }


    /**
     * The scores into the caller's array; the query's tensors are step memory ({@link Arena}) reused by the next.
     * A user's rows are read as views (no ids array) and h's column form is made once: a query allocates about
     * 0.6 KB, its tensors' objects.
     */
    @Override
    public void scoreItems(int user, double[] out) {
        Ids.check("user", user, numUsers);
        try (var step = Arena.open(); var _ = Autograd.noGrad()) {
            Tensor score = bias;
            if (gmfItems != null) {
                Tensor userSide = gmfUsers.narrow(0, user, 1).mul(hGmf);                       // [1, f]
                score = score.add(gmfItems.matmul(userSide, false, true));                     // [items, 1]
            }
            if (itemHalf != null) {
                Tensor userHalf = mlpUsers.narrow(0, user, 1).matmul(firstUserHalf, false, true);
                Tensor z = itemHalf.add(userHalf).relu();
                for (int l = 0; l < deeper.size(); l++) {
                    z = deeper.get(l).forward(deeperWeights.get(l), z);
                }
                score = z.matmul(hMlpColumn, false, false).add(score);   // [items, 1] first: one run
            }
            score.to(Device.CPU).copyInto(out);
        }
    }
}
