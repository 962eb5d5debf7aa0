package jgrad.nn.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.nn.LayerGradCheck;
import jgrad.tensor.Tensor;
import jgrad.train.Sequential;
import org.junit.jupiter.api.Test;

/**
 * A Conv2D followed by a MaxPool2D as one op ({@link Conv2D#forward(Tensor, MaxPool2D)}, which {@link Sequential}
 * uses): the same bits as the two layers one after the other, forward and backward, on the current backend; a
 * float64 gradient check; the pooling's errors unchanged.
 */
class ConvMaxPoolLayerTest {

    /** fashion-cnn's convolutions on 3 images: y and the gradients of x and of every weight. */
    private static List<double[]> fashionCnnConvolutions(boolean fused) {
        SplittableRandom rng = new SplittableRandom(3);
        Tensor x = Tensor.rand(rng, DType.F32, 0, 1, 3, 1, 28, 28).requiresGrad(true);
        Conv2D conv1 = new Conv2D(1, 32, 3, Activation.RELU, rng);
        Conv2D conv2 = new Conv2D(32, 64, 3, Activation.RELU, rng);
        MaxPool2D pool = new MaxPool2D(2);
        Sequential layers = new Sequential(conv1, pool, conv2, pool);
        Tensor y = fused ? layers.forward(x) : pool.forward(conv2.forward(pool.forward(conv1.forward(x))));
        y.mul(Tensor.rand(new SplittableRandom(4), DType.F32, -1, 1, y.shape())).sum().backward();
        return List.of(y.toDoubleArray(), x.grad().toDoubleArray(), conv1.parameters().get("W").grad().toDoubleArray(),
                conv1.parameters().get("b").grad().toDoubleArray(), conv2.parameters().get("W").grad().toDoubleArray(),
                conv2.parameters().get("b").grad().toDoubleArray());
    }

    @Test
    void sequentialFusesWithTheSameBits() {
        List<double[]> fused = fashionCnnConvolutions(true);
        List<double[]> layered = fashionCnnConvolutions(false);
        String[] names = {"y", "dx", "dW1", "db1", "dW2", "db2"};
        for (int k = 0; k < names.length; k++) {
            assertArrayEquals(layered.get(k), fused.get(k), names[k]);
        }
    }

    @Test
    void gradientCheckInFloat64() {
        Conv2D conv = new Conv2D(2, 3, new int[] {3, 2}, new int[] {1, 1}, Padding.valid(), new int[] {1, 1},
                Activation.RELU, DType.F64, new SplittableRandom(8));
        MaxPool2D pool = new MaxPool2D(2);
        Tensor x = Tensor.randn(new SplittableRandom(9), DType.F64, 0, 1, 2, 2, 7, 6);
        LayerGradCheck.check("Conv2D + MaxPool2D", conv.parameters(), List.of(x), (w, in) -> conv.forward(w, in[0], pool));
    }

    @Test
    void aConvolutionOutputSmallerThanThePoolIsNamed() {
        Conv2D conv = new Conv2D(1, 2, 3, Activation.RELU, new SplittableRandom(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> conv.forward(Tensor.zeros(1, 1, 4, 4), new MaxPool2D(3)));
        assertTrue(e.getMessage().contains("MaxPool2D") && e.getMessage().contains("smaller than the kernel"),
                e.getMessage());
    }
}
