package jgrad.recsys;

import java.util.List;
import java.util.Map;

import jgrad.backend.Arena;
import jgrad.backend.Device;
import jgrad.autograd.Autograd;
import jgrad.nn.Describable;
import jgrad.tensor.Tensor;
import jgrad.train.KerasModel;

/**
 * A model of (user, item) pairs: its two inputs are the user ids [B] and the item ids [B] (dense ids as
 * whole numbers), its output the scores [B, 1]. It trains through {@code compile/fit} like any
 * {@link KerasModel}, and recommends by scoring the whole catalog for one user.
 */
public abstract class PairModel extends KerasModel implements Recommender, Describable {

    private static final int SCORE_BATCH = 4096;

    protected final int numUsers;
    protected final int numItems;

    protected PairModel(int numUsers, int numItems) {
        if (numUsers <= 0 || numItems <= 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": needs users and items, got "
                    + numUsers + " users and " + numItems + " items");
        }
        this.numUsers = numUsers;
        this.numItems = numItems;
    }

    /** The scores [B, 1] of the pairs (users[b], items[b]), computed from {@code weights} (by parameter name). */
    public abstract Tensor score(Map<String, Tensor> weights, int[] users, int[] items);

    @Override
    public Tensor call(List<Tensor> inputs) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " takes two inputs (user ids, item ids), got "
                    + inputs.size());
        }
        int[] users = Ids.of("user", inputs.get(0), numUsers);
        int[] items = Ids.of("item", inputs.get(1), numItems);
        if (users.length != items.length) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": " + users.length + " user ids but "
                    + items.length + " item ids");
        }
        return score(parameters(), users, items);
    }

    /** The scores of many pairs, batch by batch, in evaluation mode, without a graph. */
    public double[] predictPairs(int[] users, int[] items) {
        if (users.length != items.length) {
            throw new IllegalArgumentException("predictPairs: " + users.length + " users but " + items.length + " items");
        }
        Ids.check("user", users, numUsers);
        Ids.check("item", items, numItems);
        double[] out = new double[users.length];
        boolean wasTraining = isTraining();
        eval();
        Map<String, Tensor> weights = parameters();
        try (var _ = Autograd.noGrad()) {
            for (int from = 0; from < users.length; from += SCORE_BATCH) {
                int to = Math.min(users.length, from + SCORE_BATCH);
                try (var batch = Arena.open()) {   // each batch's tensors are reused by the next
                    double[] part = score(weights, java.util.Arrays.copyOfRange(users, from, to),
                            java.util.Arrays.copyOfRange(items, from, to)).to(Device.CPU).toDoubleArray();
                    System.arraycopy(part, 0, out, from, part.length);
                }
            }
        } finally {
            if (wasTraining) {
                train();
            }
        }
        return out;
    }

    @Override
    public double[] scoreItems(int user) {
        Ids.check("user", user, numUsers);
        int[] users = new int[numItems];
        int[] items = new int[numItems];
        java.util.Arrays.fill(users, user);
        for (int i = 0; i < numItems; i++) {
            items[i] = i;
        }
        return predictPairs(users, items);
    }

    @Override
    public int numUsers() {
        return numUsers;
    }

    @Override
    public int numItems() {
        return numItems;
    }

    /** The inputs of {@code fit} for these pairs: user ids [n] and item ids [n]. */
    public static List<Tensor> inputs(int[] users, int[] items) {
        return List.of(Ids.tensor(users), Ids.tensor(items));
    }

    /** The config every pair model writes: its catalog, its own sizes ({@link #putSizes}), its dtype. */
    @Override
    public final Map<String, Object> config() {
        Map<String, Object> c = new java.util.LinkedHashMap<>();
        c.put("users", numUsers);
        c.put("items", numItems);
        putSizes(c);
        c.put("dtype", jgrad.nn.Config.dtypeName(dtype()));
        return c;
    }

    /** Adds the model's own constructor arguments to its config. */
    protected abstract void putSizes(Map<String, Object> config);
}
