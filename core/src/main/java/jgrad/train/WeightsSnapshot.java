package jgrad.train;

import java.util.ArrayList;
import java.util.List;

import jgrad.nn.Module;
import jgrad.tensor.Tensor;

/**
 * A copy of a module's weights kept in memory, to go back to (the best epoch so far). The buffers are
 * allocated by the first {@link #take} and reused by later ones.
 */
public final class WeightsSnapshot {

    private List<Tensor> copies;

    /** Copies the module's current weights into the snapshot. */
    public void take(Module module) {
        List<Tensor> params = new ArrayList<>(module.parameters().values());
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
        List<Tensor> params = new ArrayList<>(module.parameters().values());
        if (params.size() != copies.size()) {
            throw new IllegalArgumentException("WeightsSnapshot.restore: the snapshot holds " + copies.size()
                    + " tensors but the module has " + params.size() + " parameters");
        }
        for (int i = 0; i < params.size(); i++) {
            params.get(i).copyFrom(copies.get(i));
        }
    }
}
