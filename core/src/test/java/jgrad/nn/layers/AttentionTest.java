package jgrad.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.nn.LayerGradCheck;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

class AttentionTest {

    private final SplittableRandom rng = new SplittableRandom(6);

    private Tensor randn(int... shape) {
        return Tensor.randn(rng, DType.F64, 0, 1, shape);
    }

    private Attention attention(Attention.Score score) {
        return new Attention(score, 3, score == Attention.Score.DOT ? 3 : 2, 4, DType.F64, rng);
    }

    @Test
    void gradientsForEveryScoreWithAndWithoutMask() {
        Tensor mask = Tensor.of(new double[] {1, 1, 0, 1, 1, 0, 0, 0}, 2, 4);
        for (Attention.Score score : Attention.Score.values()) {
            Attention att = attention(score);
            int q = score == Attention.Score.DOT ? 3 : 2;
            for (Tensor m : new Tensor[] {null, mask}) {
                double worst = LayerGradCheck.check("Attention " + score + (m == null ? "" : " masked"), att.parameters(),
                        List.of(randn(2, 4, 3), randn(2, q)), (w, in) -> {
                            Attention.Output o = att.forward(w, in[0], in[1], m);
                            return LayerGradCheck.joined(o.alpha(), o.c());
                        });
                System.out.println("Attention " + score + (m == null ? "" : " masked") + " grad check worst error " + worst);
            }
        }
    }

    @Test
    void fusedAgreesWithUnfusedInValuesAndGradients() {
        Tensor mask = Tensor.of(new double[] {1, 1, 0, 1, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0}, 3, 5);
        for (DType dtype : DType.values()) {
            for (Attention.Score score : new Attention.Score[] {Attention.Score.DOT, Attention.Score.GENERAL}) {
                Attention att = new Attention(score, 4, score == Attention.Score.DOT ? 4 : 3, 0, dtype, new SplittableRandom(2));
                Tensor x = Tensor.randn(rng, dtype, 0, 1, 3, 5, 4);
                Tensor h = Tensor.randn(rng, dtype, 0, 1, 3, score == Attention.Score.DOT ? 4 : 3);
                Tensor ga = Tensor.randn(rng, dtype, 0, 1, 3, 5);
                Tensor gc = Tensor.randn(rng, dtype, 0, 1, 3, 4);
                for (Tensor m : new Tensor[] {null, mask.to(dtype)}) {
                    double[][] fused = run(att, x, h, m, ga, gc, true);
                    double[][] unfused = run(att, x, h, m, ga, gc, false);
                    double tol = dtype == DType.F64 ? 1e-13 : 1e-5;
                    String what = dtype + " " + score + (m == null ? "" : " masked");
                    for (int i = 0; i < fused.length; i++) {
                        assertArrayEquals(unfused[i], fused[i], tol, what + " output " + i);
                    }
                }
            }
        }
    }

    /** α, c and the gradients of x, h and the weights of L = Σ ga⊙α + Σ gc⊙c. */
    private static double[][] run(Attention att, Tensor x0, Tensor h0, Tensor mask, Tensor ga, Tensor gc, boolean fused) {
        att.zeroGrad();
        Tensor x = x0.detach().requiresGrad(true);
        Tensor h = h0.detach().requiresGrad(true);
        Attention.Output o = fused ? att.forward(x, h, mask) : att.forwardUnfused(att.parameters(), x, h, mask);
        o.alpha().mul(ga).sum().add(o.c().mul(gc).sum()).backward();
        Tensor w = att.parameters().get("W");
        return new double[][] {o.alpha().toDoubleArray(), o.c().toDoubleArray(), x.grad().toDoubleArray(),
                h.grad().toDoubleArray(), w == null ? new double[0] : w.grad().toDoubleArray()};
    }

    @Test
    void handComputedDotAttention() {
        Attention att = new Attention(2);
        Tensor x = Tensor.of(new double[] {1, 0, 0, 1}, 1, 2, 2);
        Tensor h = Tensor.of(new double[] {2, 0}, 1, 2);
        // e = (2, 0): α = (e²/(e²+1), 1/(e²+1)), c = α₁ x₁ + α₂ x₂ = α
        double a1 = Math.exp(2) / (Math.exp(2) + 1);
        Attention.Output o = att.forward(Map.of(), x, h, null);
        assertArrayEquals(new double[] {a1, 1 - a1}, o.alpha().toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {a1, 1 - a1}, o.c().toDoubleArray(), 1e-15);
    }

    @Test
    void maskedPositionsGetZeroWeightAndTheRestIsTheShortSequence() {
        for (Attention.Score score : Attention.Score.values()) {
            Attention att = attention(score);
            int q = score == Attention.Score.DOT ? 3 : 2;
            Tensor x = randn(1, 5, 3);
            Tensor h = randn(1, q);
            // padding with huge values must not leak into the result
            x.set(1e6, 0, 3, 0);
            x.set(-1e6, 0, 4, 2);
            Attention.Output masked = att.forward(x, h, Tensor.of(new double[] {1, 1, 1, 0, 0}, 1, 5));
            Attention.Output shortSeq = att.forward(x.narrow(1, 0, 3).contiguous(), h, null);
            double[] alpha = masked.alpha().toDoubleArray();
            assertEquals(0, alpha[3]);
            assertEquals(0, alpha[4]);
            assertArrayEquals(shortSeq.alpha().toDoubleArray(), java.util.Arrays.copyOf(alpha, 3), 1e-14, score.name());
            assertArrayEquals(shortSeq.c().toDoubleArray(), masked.c().toDoubleArray(), 1e-12, score.name());
        }
    }

    @Test
    void aRowWithNothingKeptGetsZeros() {
        Attention att = new Attention(3);
        Attention.Output o = att.forward(randn(1, 2, 3), randn(1, 3), Tensor.zeros(DType.F64, 1, 2));
        assertArrayEquals(new double[] {0, 0}, o.alpha().toDoubleArray());
        assertArrayEquals(new double[] {0, 0, 0}, o.c().toDoubleArray());
    }

    @Test
    void badShapesNameTheLayer() {
        Attention att = new Attention(Attention.Score.GENERAL, 3, 2, 0, DType.F32, rng);
        var e = assertThrows(IllegalArgumentException.class, () -> att.forward(Tensor.zeros(2, 4, 3), Tensor.zeros(2, 3), null));
        assertTrue(e.getMessage().contains("Attention(general, d=3, q=2)") && e.getMessage().contains("[2, 3]")
                && e.getMessage().contains("[2, 2]"), e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class,
                () -> att.forward(Tensor.zeros(2, 4, 3), Tensor.zeros(2, 2), Tensor.zeros(2, 5)));
        assertTrue(e2.getMessage().contains("mask"), e2.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Attention.parseScore("cosine"));
    }
}
