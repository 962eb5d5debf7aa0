package jgrad.sequence;

import jgrad.autograd.Autograd;
import jgrad.backend.Arena;
import jgrad.backend.Device;
import jgrad.recsys.ServingRecommender;
import jgrad.tensor.Tensor;

/**
 * A next-item model serving users whose histories are fixed (a server's training file): the encoder state F_u
 * after each user's whole history was computed once ({@link SequenceServing#forUsers}), so the scores of every
 * item for a user are one matrix-vector product,
 * <pre>
 *   r_{u,i} = F_u · M_{i+1},   i = 0 … N − 1       (dense item i is the model's item i + 1)
 * </pre>
 * equal to {@link SequenceServing#scores} of the user's history up to float rounding. Immutable: safe from many
 * threads; a new history needs a new snapshot (a server takes one at each reload).
 */
public final class UserStates extends ServingRecommender {

    private final int numUsers;
    private final int numItems;
    private final Tensor states;      // [users, d]
    private final Tensor items;       // [N, d], the item table without the padding row

    UserStates(double[] states, int numUsers, Tensor itemTable, Device device) {
        this.numUsers = numUsers;
        this.numItems = itemTable.shape(0) - 1;
        int d = itemTable.shape(1);
        this.states = Arena.outside(() -> Tensor.of(states, Math.max(1, numUsers), d).to(itemTable.dtype()).to(device));
        this.items = Arena.outside(() -> {
            try (var ignored = Autograd.noGrad()) {
                return itemTable.narrow(0, 1, numItems).copy();
            }
        });
    }

    @Override
    public int numUsers() {
        return numUsers;
    }

    @Override
    public int numItems() {
        return numItems;
    }


    /** The scores into the caller's array; the query's tensors are step memory ({@link Arena}) reused by the next. */
    @Override
    public void scoreItems(int user, double[] out) {
        if (user < 0 || user >= numUsers) {
            throw new IllegalArgumentException("the user is outside the " + numUsers + " users [0, "
                    + numUsers + ") whose states were computed");
        }
        try (var step = Arena.open(); var ignored = Autograd.noGrad()) {
            Tensor state = states.gatherRows(new int[] {user});
            items.matmul(state.reshape(state.numel(), 1), false, false).reshape(numItems).to(Device.CPU).copyInto(out);
        }
    }
}
