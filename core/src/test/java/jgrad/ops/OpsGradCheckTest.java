package jgrad.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import jgrad.autograd.GradCheck;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/** Every differentiable op against central finite differences in F64, including broadcasting. */
class OpsGradCheckTest {

    private static final double TOLERANCE = 1e-6;
    private final SplittableRandom rng = new SplittableRandom(7);

    private Tensor randn(int... shape) {
        return Tensor.randn(rng, DType.F64, 0, 1, shape);
    }

    /** Values in [lo, hi), away from kinks and outside domains where an op is undefined. */
    private Tensor uniform(double lo, double hi, int... shape) {
        return Tensor.rand(rng, DType.F64, lo, hi, shape);
    }

    private static void check(String what, Function<Tensor[], Tensor> f, Tensor... inputs) {
        GradCheck.Result r = GradCheck.check(f, inputs);
        assertTrue(r.passed(TOLERANCE), what + ": " + r);
    }

    @Test
    void binaryOpsWithBroadcasting() {
        int[][][] pairs = {{{3, 4}, {3, 4}}, {{3, 4}, {4}}, {{3, 1}, {1, 4}}, {{2, 3, 4}, {3, 1}}, {{}, {2, 3}}};
        for (int[][] p : pairs) {
            String shapes = java.util.Arrays.deepToString(p);
            check("add " + shapes, x -> x[0].add(x[1]), randn(p[0]), randn(p[1]));
            check("sub " + shapes, x -> x[0].sub(x[1]), randn(p[0]), randn(p[1]));
            check("mul " + shapes, x -> x[0].mul(x[1]), randn(p[0]), randn(p[1]));
            check("div " + shapes, x -> x[0].div(x[1]), randn(p[0]), uniform(0.5, 2, p[1]));
            check("pow " + shapes, x -> x[0].pow(x[1]), uniform(0.5, 2, p[0]), uniform(-1.5, 1.5, p[1]));
            check("maximum " + shapes, x -> x[0].maximum(x[1]), randn(p[0]), randn(p[1]));
            check("minimum " + shapes, x -> x[0].minimum(x[1]), randn(p[0]), randn(p[1]));
        }
    }

    @Test
    void unaryOps() {
        check("neg", x -> x[0].neg(), randn(3, 5));
        check("exp", x -> x[0].exp(), randn(3, 5));
        check("log", x -> x[0].log(), uniform(0.2, 3, 3, 5));
        check("sqrt", x -> x[0].sqrt(), uniform(0.2, 3, 3, 5));
        check("abs", x -> x[0].abs(), uniform(0.1, 2, 3, 5).mul(Tensor.of(new double[] {1, -1, 1, -1, 1}, 5)));
        check("tanh", x -> x[0].tanh(), randn(3, 5));
        check("sigmoid", x -> x[0].sigmoid(), randn(3, 5).mul(4));
        check("relu", x -> x[0].relu(), awayFromZero(3, 5));
        check("leakyRelu", x -> x[0].leakyRelu(0.1), awayFromZero(3, 5));
        check("pow scalar", x -> x[0].pow(2.5), uniform(0.2, 3, 3, 5));
        check("scale and shift", x -> x[0].mul(3).add(2).sub(1).div(4), randn(3, 5));
        check("clamp", x -> x[0].clamp(-0.5, 0.5), awayFrom(new double[] {-0.5, 0.5}, 4, 6));
    }

    /** Standard normal samples moved at least 0.05 away from 0, where relu has its kink. */
    private Tensor awayFromZero(int... shape) {
        return awayFrom(new double[] {0}, shape);
    }

    private Tensor awayFrom(double[] kinks, int... shape) {
        Tensor t = randn(shape);
        double[] v = t.toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            for (double k : kinks) {
                if (Math.abs(v[i] - k) < 0.05) {
                    v[i] = k + 0.1;
                }
            }
        }
        return Tensor.of(v, shape);
    }

    @Test
    void reductions() {
        check("sum all", x -> x[0].sum(), randn(3, 4));
        check("sum axis 0", x -> x[0].sum(0, false), randn(3, 4));
        check("sum axis 1 keepDim", x -> x[0].sum(1, true), randn(3, 4));
        check("sum axes 0,2", x -> x[0].sum(new int[] {0, 2}, false), randn(2, 3, 4));
        check("mean all", x -> x[0].mean(), randn(3, 4));
        check("mean axis -1", x -> x[0].mean(-1, false), randn(2, 3, 4));
        check("max all", x -> x[0].max(), randn(3, 4));
        check("max axis 1", x -> x[0].max(1, false), randn(3, 4, 2));
        check("max axis 0 keepDim", x -> x[0].max(0, true), randn(3, 4));
    }

    @Test
    void softmaxAndLogSoftmax() {
        check("softmax last", x -> x[0].softmax(-1), randn(3, 5));
        check("softmax axis 0", x -> x[0].softmax(0), randn(3, 5));
        check("softmax middle", x -> x[0].softmax(1), randn(2, 3, 4));
        check("logSoftmax last", x -> x[0].logSoftmax(-1), randn(3, 5));
        check("logSoftmax axis 0", x -> x[0].logSoftmax(0), randn(4, 3));
    }

    @Test
    void matmulEveryTransposeAndBatch() {
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                Tensor a = ta ? randn(4, 3) : randn(3, 4);
                Tensor b = tb ? randn(5, 4) : randn(4, 5);
                check("matmul " + ta + "," + tb, x -> x[0].matmul(x[1], ta, tb), a, b);
            }
        }
        check("batched", x -> x[0].matmul(x[1]), randn(2, 3, 4), randn(2, 4, 5));
        check("batched broadcast rhs", x -> x[0].matmul(x[1]), randn(2, 3, 4), randn(4, 5));
        check("batched broadcast lhs", x -> x[0].matmul(x[1]), randn(3, 4), randn(2, 4, 2));
        check("transposed view", x -> x[0].t().matmul(x[1].transpose(0, 1)), randn(4, 3), randn(5, 4));
        check("matrix vector", x -> x[0].matmul(x[1]), randn(3, 4), randn(4, 1));
    }

    @Test
    void joiningAndViews() {
        check("concat axis 0", x -> Tensor.concat(0, x[0], x[1]), randn(2, 3), randn(4, 3));
        check("concat axis 1", x -> Tensor.concat(1, x[0], x[1], x[0]), randn(2, 3), randn(2, 1));
        check("stack", x -> Tensor.stack(1, x[0], x[1]), randn(2, 3), randn(2, 3));
        check("split", x -> {
            Tensor[] parts = x[0].split(1, 1, 3, 1);
            return parts[0].mul(2).sum().add(parts[1].pow(2).sum()).add(parts[2].sum());
        }, randn(3, 5));
        check("reshape", x -> x[0].reshape(4, -1).mul(x[1]), randn(2, 6), randn(3));
        check("permute", x -> x[0].permute(2, 0, 1).mul(x[1]), randn(2, 3, 4), randn(4, 2, 3));
        check("narrow", x -> x[0].narrow(1, 1, 2).exp(), randn(3, 4));
        check("overlapping narrows of a view, and the whole", x -> {
            Tensor v = x[0].t();
            return v.narrow(0, 0, 3).mul(v.narrow(0, 1, 3)).sum().add(v.narrow(1, 2, 1).exp().sum()).add(x[0].pow(2).sum());
        }, randn(3, 4));
        check("expand", x -> x[0].expand(3, 4).mul(x[1]), randn(1, 4), randn(3, 4));
        check("unsqueeze squeeze", x -> x[0].unsqueeze(0).squeeze(0).tanh(), randn(3, 4));
    }

    @Test
    void indexing() {
        int[] ids = {2, 0, 2, 3};
        check("gatherRows", x -> x[0].gatherRows(ids).mul(x[1]), randn(5, 3), randn(4, 3));
        check("gatherRows 2-D ids", x -> x[0].gatherRows(ids, 2, 2).tanh(), randn(4, 3));
        check("gatherDot", x -> x[0].gatherDot(x[1], ids).tanh(), randn(2, 2, 3), randn(5, 3));
        Tensor cond = Tensor.of(new double[] {1, 0, 0, 1, 1, 0}, 2, 3);
        check("where", x -> Tensor.where(cond, x[0], x[1]), randn(2, 3), randn(3));
        Tensor mask = Tensor.of(new double[] {0, 1, 0}, 3);
        check("maskedFill", x -> x[0].maskedFill(mask, -7).exp(), randn(2, 3));
    }
}
