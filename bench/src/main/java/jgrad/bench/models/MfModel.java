package jgrad.bench.models;

import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.nn.init.Initializers;
import jgrad.nn.layers.Embedding;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/**
 * The peer script's dot-product matrix factorization with biases: ŷ = ⟨p_u, q_i⟩ + b_u + b_i + μ, with
 * 64-wide factors over MovieLens 100K's users and items, built from jgrad's Embedding layers.
 */
final class MfModel extends RatingModel {

    private final Embedding p;
    private final Embedding q;
    private final Embedding bu;
    private final Embedding bi;
    private final Tensor mu;
    private final Map<String, Tensor> pw;
    private final Map<String, Tensor> qw;
    private final Map<String, Tensor> buw;
    private final Map<String, Tensor> biw;

    MfModel(RandomGenerator rng, boolean sparse) {
        p = child("p", new Embedding(RatingBatches.USERS, 64, DType.F32, rng, Initializers.uniform(0.05), sparse));
        q = child("q", new Embedding(RatingBatches.ITEMS, 64, DType.F32, rng, Initializers.uniform(0.05), sparse));
        bu = child("b_u", new Embedding(RatingBatches.USERS, 1, DType.F32, rng, Initializers.zeros(), sparse));
        bi = child("b_i", new Embedding(RatingBatches.ITEMS, 1, DType.F32, rng, Initializers.zeros(), sparse));
        mu = param("mu", Tensor.zeros(1));
        pw = p.parameters();
        qw = q.parameters();
        buw = bu.parameters();
        biw = bi.parameters();
    }

    @Override
    Tensor forward(int[] u, int[] i) {
        int n = u.length;
        Tensor dot = p.lookup(pw, u).mul(q.lookup(qw, i)).sum(1, false);
        return dot.add(bu.lookup(buw, u).reshape(n)).add(bi.lookup(biw, i).reshape(n)).add(mu);
    }
}
