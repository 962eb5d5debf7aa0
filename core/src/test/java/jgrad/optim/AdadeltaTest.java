package jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import jgrad.backend.Backend;
import jgrad.backend.DType;
import jgrad.backend.ScalarBackend;
import jgrad.backend.Storage;
import jgrad.tensor.Tensor;

/**
 * Adadelta against a step worked by hand, against {@code torch.optim.Adadelta} (PyTorch 1.13, float64;
 * {@code src/test/resources/optim/adadelta_torch.py} wrote {@code adadelta_torch.txt}), and the same run twice
 * giving the same bits.
 */
class AdadeltaTest {

    @Test
    void twoStepsByHandOnHalfTheSquare() {
        // L = ½w², g = w, from w = 3 with ρ = 0.9, ε = 1e-2 (large, so that it shows), lr = 1:
        double rho = 0.9, eps = 1e-2;
        double s1 = 0.1 * 9;                                  // s ← ρ·0 + (1 − ρ)·3²
        double d1 = Math.sqrt(eps) / Math.sqrt(s1 + eps) * 3;  // u = 0: the first step is √ε/√(s + ε)·g
        double u1 = 0.1 * d1 * d1;
        double w1 = 3 - d1;
        double s2 = rho * s1 + 0.1 * w1 * w1;
        double d2 = Math.sqrt(u1 + eps) / Math.sqrt(s2 + eps) * w1;
        double w2 = w1 - d2;
        Tensor w = Tensor.of(new double[] {3}, 1).requiresGrad(true);
        Optimizer opt = new Adadelta(1.0, rho, eps).bind(Map.of("w", w));
        for (int i = 0; i < 2; i++) {
            opt.zeroGrad();
            w.mul(w).sum().mul(0.5).backward();
            opt.step();
        }
        assertEquals(w2, w.item(), 1e-15);
        assertTrue(Math.abs(w2 - 3) > 0.1, "the worked example moves the weight: " + w2);
    }

    @Test
    void matchesTorchOptimAdadeltaStepByStep() throws IOException {
        List<TorchRun> runs = torchRuns();
        assertEquals(3, runs.size());
        for (TorchRun run : runs) {
            Tensor w = Tensor.of(run.start, run.start.length).requiresGrad(true);
            Adadelta opt = new Adadelta(run.lr, run.rho, run.eps);
            opt.bind(Map.of("w", w));
            for (int t = 0; t < run.grads.size(); t++) {
                opt.zeroGrad();
                w.mul(Tensor.of(run.grads.get(t), run.start.length)).sum().backward();   // ∂/∂w Σ gᵢwᵢ = g
                opt.step();
                assertArrayEquals(run.after.get(t), w.toDoubleArray(), 1e-14, run.name + " after step " + (t + 1));
            }
        }
    }

    @Test
    void theKernelLeavesTheStateTorchHas() throws IOException {
        Backend scalar = new ScalarBackend();
        for (TorchRun run : torchRuns()) {
            int n = run.start.length;
            Storage w = Storage.onHost(DType.F64, n), s = Storage.onHost(DType.F64, n), u = Storage.onHost(DType.F64, n);
            Storage g = Storage.onHost(DType.F64, n);
            for (int i = 0; i < n; i++) {
                w.set(i, run.start[i]);
            }
            for (double[] grad : run.grads) {
                for (int i = 0; i < n; i++) {
                    g.set(i, grad[i]);
                }
                scalar.adadelta(n, w, 0, s, u, g, 0, run.lr, run.rho, run.eps);
            }
            for (int i = 0; i < n; i++) {
                assertEquals(run.squareAverage[i], s.get(i), 1e-14, run.name + " s[" + i + "]");
                assertEquals(run.deltaAverage[i], u.get(i), 1e-14, run.name + " u[" + i + "]");
            }
        }
    }

    @Test
    void theSameStartGivesTheSameBits() {
        assertArrayEquals(trainTwice(), trainTwice());
    }

    /** A dense weight and a row-sparse table, Kim's setting, six steps of a seeded problem; the weights' bits. */
    private static float[] trainTwice() {
        Tensor w = Tensor.randn(new Random(4), DType.F32, 0, 1, 4, 3).requiresGrad(true);
        Tensor table = Tensor.randn(new Random(5), DType.F32, 0, 1, 6, 3).requiresGrad(true).sparseGrad(true);
        Map<String, Tensor> params = new LinkedHashMap<>();
        params.put("W", w);
        params.put("table", table);
        Optimizer opt = Adadelta.kim().bind(params);
        Tensor target = Tensor.randn(new Random(6), DType.F32, 0, 1, 2, 4);
        for (int step = 0; step < 6; step++) {
            opt.zeroGrad();
            Tensor rows = table.gatherRows(new int[] {step % 6, (step * 5 + 1) % 6});
            Tensor diff = rows.matmul(w.transpose(0, 1)).sub(target);
            diff.mul(diff).sum().backward();
            opt.step();
        }
        float[] a = w.toFloatArray(), b = table.toFloatArray();
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void kimsSettingAndBadArguments() {
        assertEquals(0.95, Adadelta.kim().rho());
        assertEquals(1e-6, Adadelta.kim().epsilon());
        assertEquals(1.0, Adadelta.kim().learningRate());
        assertThrows(IllegalArgumentException.class, () -> new Adadelta(1, 1.0, 1e-6));
        assertThrows(IllegalArgumentException.class, () -> new Adadelta(1, 0.95, 0));
        assertThrows(IllegalArgumentException.class, () -> new Adadelta(0, 0.95, 1e-6));
    }

    private record TorchRun(String name, double lr, double rho, double eps, double[] start, List<double[]> grads,
                            List<double[]> after, double[] squareAverage, double[] deltaAverage) {
    }

    private static List<TorchRun> torchRuns() throws IOException {
        List<TorchRun> runs = new ArrayList<>();
        try (InputStream in = AdadeltaTest.class.getResourceAsStream("/optim/adadelta_torch.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String[] head = null;
            Map<String, double[]> lines = new LinkedHashMap<>();
            for (String line = r.readLine(); ; line = r.readLine()) {
                if (line == null || line.startsWith("run ")) {
                    if (head != null) {
                        runs.add(run(head, lines));
                    }
                    if (line == null) {
                        break;
                    }
                    head = line.split(" ");
                    lines.clear();
                    continue;
                }
                String[] f = line.split(" ");
                lines.put(f[0], Arrays.stream(f, 1, f.length).mapToDouble(Double::parseDouble).toArray());
            }
        }
        return runs;
    }

    private static TorchRun run(String[] head, Map<String, double[]> lines) {
        List<double[]> grads = new ArrayList<>(), after = new ArrayList<>();
        for (int t = 1; lines.containsKey("g" + t); t++) {
            grads.add(lines.get("g" + t));
            after.add(lines.get("w" + t));
        }
        return new TorchRun(head[1], Double.parseDouble(head[2]), Double.parseDouble(head[3]),
                Double.parseDouble(head[4]), lines.get("w0"), grads, after, lines.get("s"), lines.get("u"));
    }
}
