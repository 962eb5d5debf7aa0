package jgrad.profile;

import java.util.random.RandomGenerator;

import jgrad.tensor.Tensor;

/**
 * Random states for the RBM's Gibbs chains, drawn on the host from the caller's generator (so every device
 * gets the same bits) and placed with the probabilities they are compared with.
 */
final class Sampling {

    private Sampling() {
    }

    /** 1 where u &lt; p for u ~ U[0, 1), else 0: a Bernoulli(p) draw per element (u &lt; p ⟺ relu(p − u) ≠ 0). */
    static Tensor bernoulli(Tensor p, RandomGenerator random) {
        Tensor u = Tensor.rand(random, p.dtype(), 0, 1, p.shape()).to(p.device());
        Tensor one = Tensor.ones(p.dtype(), 1).to(p.device());
        Tensor zero = Tensor.zeros(p.device(), p.dtype(), 1);
        return Tensor.where(p.sub(u).relu(), one, zero);
    }

    /** N(0, 1) noise of the shape of {@code like}, on its device. */
    static Tensor normal(Tensor like, RandomGenerator random) {
        return Tensor.randn(random, like.dtype(), 0, 1, like.shape()).to(like.device());
    }
}
