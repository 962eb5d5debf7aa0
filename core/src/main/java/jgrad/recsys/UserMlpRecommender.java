package jgrad.recsys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import jgrad.nn.Weights;
import jgrad.backend.Device;
import jgrad.autograd.Autograd;
import jgrad.data.Ratings;
import jgrad.nn.Config;
import jgrad.nn.Describable;
import jgrad.nn.Activation;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Embedding;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;
import jgrad.train.KerasModel;

/**
 * The article-003 recommender: from a user id alone, the predicted ratings of every item at once:
 * <pre>
 *   r̂_u = W₂ relu(W₁ e_u + b₁) + b₂ ∈ ℝ^{numItems},    e_u = row u of user.W_emb
 * </pre>
 * Its one input is the user ids [B], its output [B, numItems]. It is trained on the observed entries of
 * each user's row only, with {@link #maskedMse} (a target of 0 marks an unobserved entry). Keras's
 * defaults: embedding U(−0.05, 0.05), W Glorot-uniform, b = 0.
 */
public final class UserMlpRecommender extends KerasModel implements Recommender, Describable {

    public static final String TYPE = "UserMlpRecommender";

    private final int numUsers;
    private final int numItems;
    private final int d;
    private final int hidden;
    private final Embedding user;
    private final Dense hiddenLayer;
    private final Dense out;

    public UserMlpRecommender(int numUsers, int numItems, int d, int hidden, DType dtype, RandomGenerator rng) {
        if (numUsers <= 0 || numItems <= 0) {
            throw new IllegalArgumentException(TYPE + ": needs users and items, got " + numUsers + " users and "
                    + numItems + " items");
        }
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.d = d;
        this.hidden = hidden;
        this.user = child("user", new Embedding(numUsers, d, dtype, rng));
        this.hiddenLayer = child("hidden", new Dense(d, hidden, Activation.RELU, dtype, rng));
        this.out = child("out", new Dense(hidden, numItems, Activation.LINEAR, dtype, rng));
    }

    /**
     * What the model is fitted on: the input {@code users} = (0, 1, …, numUsers − 1) [numUsers] and the target
     * [numUsers, numItems] whose row u holds user u's ratings, 0 where u rated nothing ({@link #maskedMse}
     * skips those); ids are dense, a pair rated twice keeps its last rating.
     */
    public record TrainingRows(Tensor users, Tensor ratings) {

        public static TrainingRows of(Ratings r, int numUsers, int numItems) {
            float[] ids = new float[numUsers];
            for (int u = 0; u < numUsers; u++) {
                ids[u] = u;
            }
            float[] m = new float[numUsers * numItems];
            for (int k = 0; k < r.size(); k++) {
                m[r.users()[k] * numItems + r.items()[k]] = r.ratings()[k];
            }
            return new TrainingRows(Tensor.of(ids, numUsers), Tensor.of(m, numUsers, numItems));
        }
    }

    /**
     * The mean squared error over the observed entries: Σ m (r̂ − r)² / Σ m with m = [r ≠ 0], for ratings
     * that are never 0 (MovieLens: 1 … 5). A batch without any observed entry is refused.
     */
    public static Tensor maskedMse(Tensor prediction, Tensor target) {
        if (!java.util.Arrays.equals(prediction.shape(), target.shape())) {
            throw new IllegalArgumentException("masked MSE: prediction " + java.util.Arrays.toString(prediction.shape())
                    + " but target " + java.util.Arrays.toString(target.shape()));
        }
        double[] t = target.to(Device.CPU).toDoubleArray();
        double[] m = new double[t.length];
        int count = 0;
        for (int k = 0; k < t.length; k++) {
            if (t[k] != 0) {
                m[k] = 1;
                count++;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("masked MSE: the batch has no observed entry (all targets are 0)");
        }
        Tensor observed = Tensor.of(m, target.shape()).to(prediction.dtype()).to(prediction.device());
        Tensor diff = prediction.sub(target).mul(observed);
        return diff.mul(diff).sum().div(count);
    }

    /** The ratings r̂ [B, numItems] of users [B], from {@code weights}. */
    public Tensor forward(Map<String, Tensor> w, int[] users) {
        Tensor e = user.lookup(Weights.under(w, "user"), users);
        return out.forward(Weights.under(w, "out"), hiddenLayer.forward(Weights.under(w, "hidden"), e));
    }

    @Override
    public Tensor call(List<Tensor> inputs) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException(TYPE + " takes one input (user ids), got " + inputs.size());
        }
        return forward(parameters(), Ids.of("user", inputs.get(0), numUsers));
    }

    @Override
    public double[] scoreItems(int u) {
        Ids.check("user", u, numUsers);
        return predictRows(new int[] {u})[0];
    }

    /** The predicted rows of several users, in evaluation mode, without a graph. */
    public double[][] predictRows(int[] users) {
        Ids.check("user", users, numUsers);
        boolean wasTraining = isTraining();
        eval();
        try (var _ = Autograd.noGrad()) {
            double[] flat = forward(parameters(), users).to(Device.CPU).toDoubleArray();
            double[][] rows = new double[users.length][];
            for (int r = 0; r < users.length; r++) {
                rows[r] = java.util.Arrays.copyOfRange(flat, r * numItems, (r + 1) * numItems);
            }
            return rows;
        } finally {
            if (wasTraining) {
                train();
            }
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

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("users", numUsers);
        c.put("items", numItems);
        c.put("d", d);
        c.put("hidden", hidden);
        c.put("dtype", Config.dtypeName(dtype()));
        return c;
    }

    public static UserMlpRecommender fromConfig(Map<String, Object> map) {
        Config c = new Config(TYPE, map);
        return new UserMlpRecommender(c.getInt("users"), c.getInt("items"), c.getInt("d"), c.getInt("hidden"),
                c.dtype(), new SplittableRandom(0));
    }
}
