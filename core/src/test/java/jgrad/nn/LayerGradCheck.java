package jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import jgrad.autograd.GradCheck;
import jgrad.tensor.Tensor;

/**
 * Gradient checks of a layer over its weights and inputs together: GradCheck perturbs copies of
 * them, and the layer computes from those copies (layers take their weights as a map).
 */
public final class LayerGradCheck {

    /** Errors of a correct layer in F64 stay many orders of magnitude below this. */
    public static final double TOLERANCE = 1e-6;

    private LayerGradCheck() {
    }

    /** Checks f(weights, inputs) over every weight and every input; returns the worst error. */
    public static double check(String what, Map<String, Tensor> weights, List<Tensor> inputs,
                               BiFunction<Map<String, Tensor>, Tensor[], Tensor> f) {
        List<String> names = new ArrayList<>(weights.keySet());
        List<Tensor> all = new ArrayList<>(weights.values());
        all.addAll(inputs);
        GradCheck.Result r = GradCheck.check(xs -> {
            Map<String, Tensor> w = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                w.put(names.get(i), xs[i]);
            }
            Tensor[] in = new Tensor[inputs.size()];
            System.arraycopy(xs, names.size(), in, 0, in.length);
            return f.apply(w, in);
        }, all.toArray(new Tensor[0]));
        assertTrue(r.passed(TOLERANCE), what + ": weights " + names + " then inputs: " + r);
        return r.worst();
    }

    /** Both outputs in one vector, so that one check covers them. */
    public static Tensor joined(Tensor a, Tensor b) {
        return Tensor.concat(0, a.reshape(-1), b.reshape(-1));
    }
}
