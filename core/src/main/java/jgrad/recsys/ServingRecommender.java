package jgrad.recsys;

/**
 * A recommender whose query path writes into the caller's buffer ({@link #scoreItems(int, double[])}); the
 * allocating {@link #scoreItems(int)} is that path into a new array, written once here for every such model.
 */
public abstract class ServingRecommender implements Recommender {

    @Override
    public final double[] scoreItems(int user) {
        double[] out = new double[numItems()];
        scoreItems(user, out);
        return out;
    }

    @Override
    public abstract void scoreItems(int user, double[] out);
}
