package jgrad.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Random;
import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.nn.Activation;
import jgrad.nn.Module;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Embedding;
import jgrad.nn.loss.SoftmaxCrossEntropy;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.tensor.Tensor;

/**
 * Tensors, autograd, layers and an optimizer on {@link Device#CUDA}: a small MLP trained for a few Adam
 * steps on the device gives the losses and the parameters of the same MLP trained on the CPU. On
 * cuda-emu this proves that the whole path stays on the device (a host read of a device storage throws).
 */
class DeviceTrainingTest {

    /** x → tanh(x W₁ᵀ + b₁) → logits, softmax cross-entropy. */
    private static final class Mlp extends Module {
        final Dense hidden;
        final Dense out;

        Mlp(DType dtype, long seed) {
            Random rng = new Random(seed);
            hidden = child("hidden", new Dense(5, 8, Activation.TANH, dtype, rng));
            out = child("out", new Dense(8, 3, Activation.LINEAR, dtype, rng));
        }

        Tensor forward(Tensor x) {
            return out.forward(hidden.forward(x));
        }
    }

    @CudaBackends.OnEach
    void anMlpTrainsOnTheDeviceAsOnTheCpu(String name) {
        CudaBackends.get(name);
        for (DType dt : DType.values()) {
            Random data = new Random(5);
            Tensor x = Tensor.randn(data, dt, 0, 1, 16, 5);
            int[] labels = data.ints(16, 0, 3).toArray();
            Mlp cpu = new Mlp(dt, 9);
            Mlp dev = new Mlp(dt, 9);
            dev.to(Device.CUDA);
            assertSame(Device.CUDA, dev.device());
            Tensor xDev = x.to(Device.CUDA);
            Optimizer cpuOpt = new Adam(0.05).bind(cpu);
            Optimizer devOpt = new Adam(0.05).bind(dev);
            double tol = dt == DType.F32 ? 1e-5 : 1e-12;
            for (int step = 0; step < 5; step++) {
                cpuOpt.zeroGrad();
                devOpt.zeroGrad();
                Tensor cpuLoss = SoftmaxCrossEntropy.of(cpu.forward(x), labels);
                Tensor devLoss = SoftmaxCrossEntropy.of(dev.forward(xDev), labels);
                assertSame(Device.CUDA, devLoss.device());
                cpuLoss.backward();
                devLoss.backward();
                cpuOpt.step();
                devOpt.step();
                assertEquals(cpuLoss.item(), devLoss.to(Device.CPU).item(), tol, name + " " + dt + " loss at step " + step);
            }
            for (Map.Entry<String, Tensor> p : cpu.parameters().entrySet()) {
                Tensor want = p.getValue();
                Tensor got = dev.parameters().get(p.getKey()).to(Device.CPU);
                for (int i = 0; i < want.numel(); i++) {
                    assertEquals(want.storage().get(i), got.storage().get(i), tol, name + " " + dt + " " + p.getKey()
                            + " element " + i + " after 5 Adam steps");
                }
            }
            Tensor onDevice = dev.parameters().get("hidden.W");
            assertThrows(IllegalStateException.class, onDevice::item, "a host read of a device tensor must throw");
        }
    }

    /** Embedding rows (gather, a row-sparse gradient, scatter-add) and a lazy Adam on the device. */
    @CudaBackends.OnEach
    void anEmbeddingWithRowSparseGradientsTrainsOnTheDevice(String name) {
        CudaBackends.get(name);
        DType dt = DType.F64;
        Embedding cpu = new Embedding(10, 4, dt, new Random(3));
        Embedding dev = new Embedding(10, 4, dt, new Random(3));
        dev.to(Device.CUDA);
        Tensor ids = Tensor.of(new double[] {1, 7, 1, 3, 9, 1}, 6);
        Tensor target = Tensor.randn(new Random(4), dt, 0, 1, 6, 4);
        Optimizer cpuOpt = new Adam(0.05).bind(cpu);
        Optimizer devOpt = new Adam(0.05).bind(dev);
        for (int step = 0; step < 3; step++) {
            cpuOpt.zeroGrad();
            devOpt.zeroGrad();
            Tensor cpuLoss = cpu.forward(ids).sub(target).pow(2).sum();
            Tensor devLoss = dev.forward(ids.to(Device.CUDA)).sub(target.to(Device.CUDA)).pow(2).sum();
            cpuLoss.backward();
            devLoss.backward();
            cpuOpt.step();
            devOpt.step();
            assertEquals(cpuLoss.item(), devLoss.to(Device.CPU).item(), 1e-12, name + " loss at step " + step);
        }
        Tensor want = cpu.parameters().get("W_emb");
        Tensor got = dev.parameters().get("W_emb").to(Device.CPU);
        for (int i = 0; i < want.numel(); i++) {
            assertEquals(want.storage().get(i), got.storage().get(i), 1e-12, name + " W_emb element " + i);
        }
    }
}
