package jgrad.profile;

import java.util.function.Function;

import jgrad.autograd.Autograd;
import jgrad.backend.Device;
import jgrad.data.Batches;
import jgrad.nn.Module;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.random.PhiloxRandom;
import jgrad.tensor.Tensor;

/**
 * Trains a profile model on the rows of a {@code double[][]}: each epoch visits the rows in a shuffled order
 * ({@link Batches#permutation}, from a Philox stream of the seed), uploads each batch to the model's device
 * and takes one Adam step (Keras's defaults, the given learning rate) on the model's loss of the batch.
 */
public final class ProfileTraining {

    private ProfileTraining() {
    }

    /** Returns each epoch's mean batch loss. */
    public static double[] fit(Module model, Function<Tensor, Tensor> loss, double[][] rows, int epochs, int batchSize,
                               double learningRate, long seed) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("no rows to train on");
        }
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs and batch size must be positive, got " + epochs + " and " + batchSize);
        }
        Optimizer opt = Adam.keras(learningRate).bind(model);
        PhiloxRandom order = new PhiloxRandom(seed, 1);
        double[] losses = new double[epochs];
        model.train();
        for (int e = 0; e < epochs; e++) {
            int[] perm = Batches.permutation(rows.length, order);
            Tensor sum = null;
            int batches = 0;
            for (int start = 0; start < rows.length; start += batchSize) {
                int size = Math.min(batchSize, rows.length - start);
                Tensor x = batch(rows, perm, start, size, model);
                opt.zeroGrad();
                Tensor l = loss.apply(x);
                l.backward();
                opt.step();
                sum = sum == null ? l.detach() : sum.add(l.detach());       // summed on the device, read once
                batches++;
            }
            losses[e] = sum.to(Device.CPU).item() / batches;
        }
        model.eval();
        return losses;
    }

    /** The rows {@code perm[start … start+size)} as a tensor on the model's device, in the model's dtype. */
    static Tensor batch(double[][] rows, int[] perm, int start, int size, Module model) {
        int width = rows[0].length;
        double[] flat = new double[size * width];
        for (int i = 0; i < size; i++) {
            System.arraycopy(rows[perm[start + i]], 0, flat, i * width, width);
        }
        Tensor first = model.parameters().values().iterator().next();
        return Tensor.of(flat, size, width).to(first.dtype()).to(model.device());
    }

    /** The model's function of every row, in eval mode without recording, brought back to the host. */
    public static double[][] apply(Module model, Function<Tensor, Tensor> f, double[][] rows) {
        int[] identity = new int[rows.length];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        model.eval();
        Tensor out;
        try (var _ = Autograd.noGrad()) {
            out = f.apply(batch(rows, identity, 0, rows.length, model)).to(Device.CPU);
        }
        int n = out.shape(0);
        int width = out.shape(1);
        double[] flat = out.to(jgrad.backend.DType.F64).toDoubleArray();
        double[][] result = new double[n][width];
        for (int r = 0; r < n; r++) {
            System.arraycopy(flat, r * width, result[r], 0, width);
        }
        return result;
    }
}
