package jgrad.profile;

import jgrad.backend.Device;
import jgrad.data.Batches;
import jgrad.optim.Optimizer;
import jgrad.optim.SGD;
import jgrad.random.PhiloxRandom;
import jgrad.tensor.Tensor;

/**
 * Trains an {@link Rbm} by CD-k or persistent CD with plain SGD on mini-batches of the rows (shuffled each epoch
 * from a Philox stream of the seed, uploaded to the model's device). Persistent chains start at the first
 * batch and carry over from batch to batch (a last, smaller batch restarts them from its own rows). Returns
 * each epoch's mean reconstruction error ({@link Rbm#reconstructionError}).
 */
public final class RbmTraining {

    private RbmTraining() {
    }

    public static double[] fit(Rbm rbm, double[][] rows, int epochs, int batchSize, double learningRate, int k,
                               boolean persistent, long seed) {
        if (rows.length == 0 || epochs < 1 || batchSize < 1 || k < 1) {
            throw new IllegalArgumentException("RBM training needs rows and positive epochs, batch size and k, got "
                    + rows.length + " rows, " + epochs + ", " + batchSize + ", " + k);
        }
        Optimizer opt = new SGD(learningRate).bind(rbm);
        PhiloxRandom order = new PhiloxRandom(seed, 1);
        PhiloxRandom gibbs = new PhiloxRandom(seed, 2);
        Tensor chains = null;
        double[] errors = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            int[] perm = Batches.permutation(rows.length, order);
            Tensor sum = null;
            int batches = 0;
            for (int start = 0; start < rows.length; start += batchSize) {
                int size = Math.min(batchSize, rows.length - start);
                Tensor v = ProfileTraining.batch(rows, perm, start, size, rbm);
                Tensor from = persistent && chains != null && chains.shape(0) == size ? chains : v;
                chains = rbm.gibbs(from, k, gibbs);
                opt.zeroGrad();
                rbm.contrastiveLoss(v, chains).backward();
                opt.step();
                Tensor err;
                try (var _ = jgrad.autograd.Autograd.noGrad()) {
                    err = rbm.reconstructionError(v);
                }
                sum = sum == null ? err : sum.add(err);
                batches++;
            }
            errors[e] = sum.to(Device.CPU).item() / batches;
        }
        return errors;
    }
}
