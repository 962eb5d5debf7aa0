package jgrad.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.bandit.HillstromCustomers;
import jgrad.bandit.HillstromSimulator;
import jgrad.nn.LayerGradCheck;
import jgrad.nn.loss.Losses;
import jgrad.tensor.Tensor;

/** The policy's gradients, the campaign's dynamics by hand, and a short training run. */
class ReinforceTest {

    /** 600 made-up customers in Hillstrom's feature layout, a third per arm; e-mails help those with feature 3 set. */
    private static HillstromCustomers customers() {
        SplittableRandom r = new SplittableRandom(9);
        int n = 600;
        double[][] x = new double[n][];
        int[] arm = new int[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[10];
            x[i][0] = 1;
            for (int j = 1; j < 10; j++) {
                x[i][j] = r.nextInt(2);
            }
            arm[i] = i % 3;
            double p = 0.1 + (arm[i] > 0 && x[i][3] == 1 ? 0.3 : 0);
            y[i] = r.nextDouble() < p ? 1 : 0;
        }
        return new HillstromCustomers(x, arm, y);
    }

    @Test
    void policyGradientMatchesFiniteDifferences() {
        CampaignPolicy model = new CampaignPolicy(4, 3, 5, DType.F64, new SplittableRandom(1));
        Tensor x = Tensor.randn(new SplittableRandom(2), DType.F64, 0, 1, 6, 4);
        Tensor actions = Tensor.of(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0}, 6, 3);
        Tensor returns = Tensor.randn(new SplittableRandom(3), DType.F64, 0, 1, 6, 1);
        // perturbing the policy's weights leaves V alone, so the loss's own gradient is checked there;
        Map<String, Tensor> policyWeights = new LinkedHashMap<>();
        Map<String, Tensor> valueWeights = new LinkedHashMap<>();
        model.parameters().forEach((k, v) -> (k.startsWith("policy") ? policyWeights : valueWeights).put(k, v));
        LayerGradCheck.check("REINFORCE loss, policy weights", policyWeights, List.of(), (w, in) -> {
            Map<String, Tensor> all = new LinkedHashMap<>(w);
            all.putAll(valueWeights);
            return model.loss(all, x, actions, returns);
        });
        // the baseline's weights get exactly the gradient of ½·MSE(V, G): the advantage is not differentiated
        model.zeroGrad();                 // the check above ran backward through the module's own value weights
        model.loss(x, actions, returns).backward();
        double[] fromLoss = model.parameters().get("value_out.W").grad().toDoubleArray();
        model.zeroGrad();
        Losses.mse(model.value(x), returns).mul(0.5).backward();
        assertArrayEquals(model.parameters().get("value_out.W").grad().toDoubleArray(), fromLoss, 1e-15);
        LayerGradCheck.check("baseline ½·MSE", valueWeights, List.of(),
                (w, in) -> Losses.mse(model.value(w, x), returns).mul(0.5));
    }

    @Test
    void fatigueFadesTheEffectOfAnEmail() {
        HillstromCustomers data = customers();
        CampaignEnvironment env = new CampaignEnvironment(data, 4, 0.5, 0.6, 0.05);
        double[] mu = HillstromSimulator.fit(data).expectedRewards(data.features()[0]);
        CampaignEnvironment.State s = new CampaignEnvironment.State(data.features()[0], 0, 0);
        assertEquals(mu[0], env.expectedReward(s, 0), 1e-15);
        assertEquals(mu[1] - 0.05, env.expectedReward(s, 1), 1e-15);
        CampaignEnvironment.State tired = env.next(env.next(s, 1), 2);       // f = 0.6·1 + 1 = 1.6
        assertEquals(1.6, tired.fatigue(), 1e-15);
        assertEquals(2, tired.week());
        assertEquals(mu[0] + (mu[2] - mu[0]) * Math.exp(-0.5 * 1.6) - 0.05, env.expectedReward(tired, 2), 1e-15);
        assertEquals(0.96, env.next(tired, 0).fatigue(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new CampaignEnvironment(data, 0, 0.5, 0.6, 0.05));
    }

    @Test
    void trainingBeatsNeverAndAlwaysSendingWhereEmailsHelpSome() {
        CampaignEnvironment env = new CampaignEnvironment(customers(), 4, 0.5, 0.6, 0.05);
        Reinforce r = new Reinforce(env, 8, new SplittableRandom(1), Device.CPU);
        r.train(300, 128, 1e-2, new SplittableRandom(2));
        double learned = r.evaluate(4000, false, new SplittableRandom(3));
        double never = env.evaluate(s -> 0, 4000, new SplittableRandom(3));
        double always = env.evaluate(env::bestOffer, 4000, new SplittableRandom(3));
        assertTrue(learned > never && learned > always, learned + " vs never " + never + ", always " + always);
    }
}
