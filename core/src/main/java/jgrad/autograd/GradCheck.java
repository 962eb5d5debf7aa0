package jgrad.autograd;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;

import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/**
 * Compares the gradients autograd computes with central finite differences, in F64.
 *
 * <p>For f of some tensors, L = Σ f(x) ⊙ R with a fixed random R (so every output element counts
 * with its own weight; R = 1 when f is a scalar). For each element x_i, the numeric derivative is
 * (L(x_i + ε) − L(x_i − ε)) / 2ε, and the error is |analytic − numeric| / max(|analytic|, |numeric|, 1):
 * relative for large derivatives, absolute for small ones. With ε = 1e-6 in F64 a correct smooth
 * op shows errors around 1e-9; a wrong one shows errors near 1.
 */
public final class GradCheck {

    /** The default step. */
    public static final double EPSILON = 1e-6;

    private GradCheck() {
    }

    /** The largest error found for each input, in the order given. */
    public record Result(double[] maxError) {

        public double worst() {
            return Arrays.stream(maxError).max().orElse(0);
        }

        public boolean passed(double tolerance) {
            return worst() <= tolerance;
        }

        @Override
        public String toString() {
            return "GradCheck max errors per input " + Arrays.toString(maxError);
        }
    }

    /** Checks every input of f (each copied to F64). */
    public static Result check(Function<Tensor[], Tensor> f, Tensor... inputs) {
        return check(f, EPSILON, inputs);
    }

    public static Result check(Function<Tensor[], Tensor> f, double epsilon, Tensor... inputs) {
        Tensor[] xs = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            xs[i] = inputs[i].detach().to(DType.F64).copy().requiresGrad(true);
        }
        Tensor out = f.apply(xs);
        Tensor weights = out.numel() == 1 ? Tensor.ones(DType.F64, out.shape())
                : Tensor.randn(new SplittableRandom(42), DType.F64, 0, 1, out.shape());
        out.backward(weights);

        double[] maxError = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            Tensor x = xs[i];
            double[] analytic = x.grad() == null ? new double[x.numel()] : x.grad().toDoubleArray();
            for (int e = 0; e < x.numel(); e++) {
                double numeric = numericDerivative(f, xs, x, e, weights, epsilon);
                double scale = Math.max(1, Math.max(Math.abs(analytic[e]), Math.abs(numeric)));
                double err = Math.abs(analytic[e] - numeric) / scale;
                maxError[i] = Math.max(maxError[i], Double.isNaN(err) ? Double.POSITIVE_INFINITY : err);
            }
        }
        return new Result(maxError);
    }

    private static double numericDerivative(Function<Tensor[], Tensor> f, Tensor[] xs, Tensor x, int element,
                                            Tensor weights, double epsilon) {
        double original = x.storage().get(x.offset() + element);
        try (Autograd.NoGrad ignored = Autograd.noGrad()) {
            x.storage().set(x.offset() + element, original + epsilon);
            double plus = weighted(f.apply(xs), weights);
            x.storage().set(x.offset() + element, original - epsilon);
            double minus = weighted(f.apply(xs), weights);
            return (plus - minus) / (2 * epsilon);
        } finally {
            x.storage().set(x.offset() + element, original);
        }
    }

    private static double weighted(Tensor out, Tensor weights) {
        return out.mul(weights).sum().item();
    }
}
