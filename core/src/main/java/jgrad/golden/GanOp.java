package jgrad.golden;

import java.util.LinkedHashMap;
import java.util.Map;

import jgrad.nn.gan.Discriminator;
import jgrad.nn.gan.GanLoss;
import jgrad.nn.gan.Generator;
import jgrad.tensor.Tensor;

/**
 * The golden op {@code gan}: D's gradients from L_D with G held fixed, G's from L_G through D.
 * Params are "G.k.W", "G.k.b", "D.k.W", "D.k.b" for layers k = 0, 1, ….
 */
final class GanOp {

    private GanOp() {
    }

    static Ops.Result run(GoldenCase c) {
        Map<String, Tensor> gw = prefixed(c.params(), "G.");
        Map<String, Tensor> dw = prefixed(c.params(), "D.");
        Generator g = new Generator(sizes(gw, "G"), c.activations("G_activations"), c.input("z").dtype(), Ops.unusedSeed());
        Discriminator d = new Discriminator(sizes(dw, "D"), c.activations("D_activations"), c.input("z").dtype(),
                Ops.unusedSeed());
        GanLoss kind = GanLoss.of(c.configString("generator_loss", "non_saturating"));
        Tensor fake = g.forward(gw, c.input("z"));
        Tensor real = c.input("x_real");
        Tensor lossD = GanLoss.discriminator(d.logits(dw, real), d.logits(dw, fake.detach()));
        Tensor lossG = kind.generator(d.logits(dw, fake));

        Map<String, Tensor> grads = new LinkedHashMap<>();
        lossD.backward();
        dw.forEach((k, t) -> grads.put("D." + k, gradOf(t)));
        c.params().values().forEach(Tensor::zeroGrad);
        lossG.backward();
        gw.forEach((k, t) -> grads.put("G." + k, gradOf(t)));

        Map<String, Tensor> outputs = new LinkedHashMap<>();
        outputs.put("D_real", d.forward(dw, real));
        outputs.put("D_fake", d.forward(dw, fake));
        outputs.put("loss_D", lossD);
        outputs.put("loss_G", lossG);
        return new Ops.Result(outputs, grads);
    }

    private static Tensor gradOf(Tensor t) {
        return t.grad() == null ? Tensor.zeros(t.device(), t.dtype(), t.shape()) : t.grad();
    }

    private static Map<String, Tensor> prefixed(Map<String, Tensor> params, String prefix) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        params.forEach((k, t) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), t);
            }
        });
        return out;
    }

    /** n_in, then the output width of each layer k = 0, 1, … found as "k.W". */
    private static int[] sizes(Map<String, Tensor> weights, String net) {
        int layers = 0;
        while (weights.containsKey(layers + ".W")) {
            layers++;
        }
        if (layers == 0) {
            throw new IllegalArgumentException("gan: missing param '" + net + ".0.W'");
        }
        int[] sizes = new int[layers + 1];
        sizes[0] = weights.get("0.W").shape(1);
        for (int k = 0; k < layers; k++) {
            sizes[k + 1] = weights.get(k + ".W").shape(0);
        }
        return sizes;
    }
}
