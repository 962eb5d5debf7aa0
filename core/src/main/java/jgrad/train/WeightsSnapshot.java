package jgrad.train;

import java.util.ArrayList;
import java.util.List;

import jgrad.nn.Module;
import jgrad.tensor.Tensor;

/**
 * A copy of a module's weights and buffers (running statistics of batch normalization or Dice) kept in
 * memory, to go back to (the best epoch so far): the weights of an epoch are used with the statistics
 * gathered up to it. The copies are allocated by the first {@link #take} and reused by later ones.
 */
public final class WeightsSnapshot {

    private List<Tensor> copies;

    /** Copies the module's current weights and buffers into the snapshot. */
    public void take(Module module) {
        List<Tensor> params = state(module);
        if (copies == null) {
            copies = new ArrayList<>();
            params.forEach(p -> copies.add(Tensor.zeros(p.device(), p.dtype(), p.shape())));
        }
        for (int i = 0; i < params.size(); i++) {
            copies.get(i).copyFrom(params.get(i));
        }
    }

    /** Whether {@link #take} has been called. */
    public boolean isTaken() {
        return copies != null;
    }

    /** Writes the snapshot back into the module's weights (the module it was taken from). */
    public void restore(Module module) {
        if (copies == null) {
            throw new IllegalStateException("WeightsSnapshot.restore: no snapshot was taken");
        }
        List<Tensor> params = state(module);
        if (params.size() != copies.size()) {
            throw new IllegalArgumentException("WeightsSnapshot.restore: the snapshot holds " + copies.size()
                    + " tensors but the module has " + params.size() + " parameters and buffers");
        }
        for (int i = 0; i < params.size(); i++) {
            params.get(i).copyFrom(copies.get(i));
        }
    }

    private static List<Tensor> state(Module module) {
        List<Tensor> all = new ArrayList<>(module.parameters().values());
        all.addAll(module.buffers().values());
        return all;
    }
}
