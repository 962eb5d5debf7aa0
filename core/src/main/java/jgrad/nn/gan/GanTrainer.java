package jgrad.nn.gan;

import java.util.Map;
import java.util.function.Supplier;

import jgrad.backend.Device;
import jgrad.tensor.Tensor;

/**
 * Trains a GAN by alternating steps (Goodfellow et al. 2014, algorithm 1): k steps of D on
 * L_D = −E[ln D(x)] − E[ln(1 − D(G(z)))] with G held fixed, then one step of G on its
 * {@link GanLoss} through D (D's parameters are not updated by it). Optimizers plug in as {@link StepFn}s.
 */
public final class GanTrainer {

    /** Updates the given parameters from their gradients (an optimizer's step). */
    @FunctionalInterface
    public interface StepFn {
        void step(Map<String, Tensor> params);
    }

    /** The discriminator's loss (mean over its k steps) and the generator's loss of one round. */
    public record StepLosses(double discriminator, double generator) {
    }

    private final Generator g;
    private final Discriminator d;
    private final StepFn dStep;
    private final StepFn gStep;
    private final int k;
    private final GanLoss generatorLoss;

    public GanTrainer(Generator g, Discriminator d, StepFn dStep, StepFn gStep, int k, GanLoss generatorLoss) {
        if (k < 1) {
            throw new IllegalArgumentException("GanTrainer: k (discriminator steps per generator step) must be >= 1, got " + k);
        }
        this.g = g;
        this.d = d;
        this.dStep = dStep;
        this.gStep = gStep;
        this.k = k;
        this.generatorLoss = generatorLoss;
    }

    /** One round: k discriminator steps, each on a fresh real batch and noise, then one generator step. */
    public StepLosses step(Supplier<Tensor> realBatches, Supplier<Tensor> noise) {
        double lossD = 0;
        for (int s = 0; s < k; s++) {
            lossD += discriminatorStep(realBatches.get(), noise.get());
        }
        return new StepLosses(lossD / k, generatorStep(noise.get()));
    }

    private double discriminatorStep(Tensor real, Tensor z) {
        Map<String, Tensor> dw = d.parameters();
        Tensor fake = g.forward(z).detach();
        Tensor loss = GanLoss.discriminator(d.logits(dw, real), d.logits(dw, fake));
        d.zeroGrad();
        loss.backward();
        dStep.step(dw);
        return loss.to(Device.CPU).item();
    }

    private double generatorStep(Tensor z) {
        Tensor loss = generatorLoss.generator(d.logits(d.parameters(), g.forward(z)));
        g.zeroGrad();
        loss.backward();
        d.zeroGrad();
        gStep.step(g.parameters());
        return loss.to(Device.CPU).item();
    }
}
