package jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.tensor.Tensor;

/**
 * Every rule, with a regularizer, both clippings, dense and row-sparse gradients, exact and lazy, on a
 * device whose storages refuse host access: a step must not read or write one number from Java, and it
 * must give the CPU's weights bit for bit (the device computes with the CPU's kernels).
 */
class OptimizersOnADeviceTest {

    private static final Device HOSTLESS = jgrad.testing.GuardedDevice.create();
    private static final int[][] IDS = {{1, 3, 1}, {0, 6}, {3}, {2, 2, 5}};

    private static final Map<String, Supplier<Optimizer>> RULES = new LinkedHashMap<>();

    static {
        RULES.put("sgd", () -> new SGD(0.1));
        RULES.put("sgd momentum", () -> new SGD(0.05, 0.9, false));
        RULES.put("sgd nesterov", () -> new SGD(0.05, 0.9, true));
        RULES.put("adagrad", () -> new Adagrad(0.1));
        RULES.put("adagrad keras", Adagrad::keras);
        RULES.put("rmsprop", () -> new RMSprop(0.01));
        RULES.put("adadelta", Adadelta::kim);
        RULES.put("adam", () -> new Adam(0.01));
        RULES.put("adam keras", () -> Adam.keras(0.01));
        RULES.put("adamw", () -> new AdamW(0.01));
    }

    /** The rule alone, with L1 + L2 on all but the bias and a global norm, and lazy with clipping by value. */
    private static List<Supplier<Optimizer>> variants(Supplier<Optimizer> rule) {
        return List.of(rule,
                () -> rule.get().regularize(new Regularizer(1e-3, 2e-2), name -> !name.equals("b")).clipGlobalNorm(0.5),
                () -> rule.get().regularize(Regularizer.l2(1e-2)).lazy(true).clipValue(0.3));
    }

    /** Trains a dense weight, a bias and a row-sparse table for four steps on {@code device}; returns them on the CPU. */
    private static float[][] train(Device device, Optimizer opt) {
        Tensor w = Tensor.randn(new Random(1), DType.F32, 0, 1, 5, 3).requiresGrad(true);
        Tensor b = Tensor.randn(new Random(2), DType.F32, 0, 1, 3).requiresGrad(true);
        Tensor table = Tensor.randn(new Random(3), DType.F32, 0, 1, 7, 3).requiresGrad(true).sparseGrad(true);
        for (Tensor p : List.of(w, b, table)) {
            p.moveTo(device);
        }
        Map<String, Tensor> params = new LinkedHashMap<>();
        params.put("W", w);
        params.put("b", b);
        params.put("W_emb", table);
        opt.bind(params);
        for (int t = 0; t < IDS.length; t++) {
            Tensor c = Tensor.randn(new Random(100 + t), DType.F32, 0, 2, IDS[t].length, 3).to(device);
            Tensor d = Tensor.randn(new Random(200 + t), DType.F32, 0, 2, 5, 3).to(device);
            opt.zeroGrad();
            Tensor loss = table.gatherRows(IDS[t]).mul(c).sum().add(w.mul(w).mul(d).sum()).add(b.mul(b).sum());
            backward(loss);
            opt.step();
        }
        return new float[][] {w.to(Device.CPU).toFloatArray(), b.to(Device.CPU).toFloatArray(),
            table.to(Device.CPU).toFloatArray()};
    }

    /** backward() seeded on the loss's own device (Tensor.backward() seeds on the CPU today). */
    private static void backward(Tensor loss) {
        loss.backward(Tensor.full(loss.device(), loss.dtype(), 1, loss.shape()));
    }

    @Test
    void everyRuleStepsOnADeviceWithoutHostAccessAndAsOnTheCpu() {
        for (Map.Entry<String, Supplier<Optimizer>> rule : RULES.entrySet()) {
            List<Supplier<Optimizer>> vs = variants(rule.getValue());
            for (int v = 0; v < vs.size(); v++) {
                float[][] cpu = train(Device.CPU, vs.get(v).get());
                float[][] dev = train(HOSTLESS, vs.get(v).get());
                for (int i = 0; i < cpu.length; i++) {
                    assertArrayEquals(cpu[i], dev[i], 0, rule.getKey() + " variant " + v + " parameter " + i);
                }
            }
        }
    }

    @Test
    void theHostlessDeviceRefusesHostAccess() {
        Tensor x = Tensor.zeros(HOSTLESS, DType.F32, 2);
        assertThrows(IllegalStateException.class, () -> x.storage().get(0));
    }

    @Test
    void theNormIsSummedOnTheDeviceAndOneNumberComesBack() {
        Tensor a = Tensor.zeros(DType.F64, 2).requiresGrad(true);
        a.moveTo(HOSTLESS);
        backward(a.mul(Tensor.of(new double[] {3, 4}, 2).to(HOSTLESS)).sum());
        Tensor sum = GradientClipping.sumOfSquares(List.of(a));
        assertEquals(HOSTLESS, sum.device());
        assertEquals(DType.F64, sum.dtype());
        assertEquals(25, sum.to(Device.CPU).item());
        assertEquals(5, GradientClipping.clipGlobalNorm(List.of(a), 1));
        assertArrayEquals(new double[] {0.6, 0.8}, a.grad().to(Device.CPU).toDoubleArray(), 1e-15);
    }

    @Test
    void gradientsOnTwoDevicesAreAnError() {
        Tensor a = Tensor.zeros(DType.F64, 2).requiresGrad(true);
        Tensor b = Tensor.zeros(DType.F64, 2).requiresGrad(true);
        b.moveTo(HOSTLESS);
        backward(a.sum());
        backward(b.sum());
        var e = assertThrows(IllegalArgumentException.class, () -> GradientClipping.globalNorm(List.of(a, b)));
        assertEquals(true, e.getMessage().contains("two devices"), e.getMessage());
    }
}
