package jgrad.nn.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import jgrad.backend.DType;
import jgrad.nn.Activation;
import jgrad.nn.LayerGradCheck;
import jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The convolution and pooling layers: values against the formula evaluated by plain loops in this test
 * (an implementation independent of im2col), float64 gradient checks, and their errors on bad input.
 */
class ConvLayersTest {

    private static Tensor randn(long seed, int... shape) {
        return Tensor.randn(new SplittableRandom(seed), DType.F64, 0, 1, shape);
    }

    /** z[n,o,i,j] = b[o] + Σ W[o,c,u,v] xp[n,c,i·sh+u·dh,j·sw+v·dw], by the definition. */
    private static double[] direct(Tensor x, Tensor W, Tensor b, int[] s, int[] p, int[] d) {
        int B = x.shape(0), C = x.shape(1), H = x.shape(2), Wd = x.shape(3);
        int O = W.shape(0), kh = W.shape(2), kw = W.shape(3);
        int outH = (H + 2 * p[0] - d[0] * (kh - 1) - 1) / s[0] + 1;
        int outW = (Wd + 2 * p[1] - d[1] * (kw - 1) - 1) / s[1] + 1;
        double[] out = new double[B * O * outH * outW];
        int k = 0;
        for (int n = 0; n < B; n++) {
            for (int o = 0; o < O; o++) {
                for (int i = 0; i < outH; i++) {
                    for (int j = 0; j < outW; j++) {
                        double z = b.get(o);
                        for (int c = 0; c < C; c++) {
                            for (int u = 0; u < kh; u++) {
                                for (int v = 0; v < kw; v++) {
                                    int y = i * s[0] + u * d[0] - p[0];
                                    int xc = j * s[1] + v * d[1] - p[1];
                                    if (y >= 0 && y < H && xc >= 0 && xc < Wd) {
                                        z += W.get(o, c, u, v) * x.get(n, c, y, xc);
                                    }
                                }
                            }
                        }
                        out[k++] = z;
                    }
                }
            }
        }
        return out;
    }

    @Test
    void conv2dIsTheDefinitionForStridesPaddingsAndDilations() {
        int[][][] settings = {
                {{1, 1}, {0, 0}, {1, 1}}, {{2, 1}, {1, 2}, {1, 1}}, {{1, 3}, {2, 0}, {2, 1}}, {{2, 2}, {1, 1}, {2, 2}}};
        for (int[][] st : settings) {
            Conv2D conv = new Conv2D(3, 4, new int[] {3, 2}, st[0], Padding.of(st[1][0], st[1][1]), st[2],
                    Activation.LINEAR, DType.F64, new SplittableRandom(1));
            conv.parameters().get("b").copyFrom(randn(2, 4));
            Tensor x = randn(3, 2, 3, 7, 8);
            double[] want = direct(x, conv.parameters().get("W"), conv.parameters().get("b"), st[0], st[1], st[2]);
            assertArrayEquals(want, conv.forward(x).toDoubleArray(), 1e-12);
        }
    }

    @Test
    void samePaddingKeepsTheSizeAtStrideOne() {
        Conv2D conv = new Conv2D(2, 5, new int[] {3, 5}, new int[] {1, 1}, Padding.same(), new int[] {1, 2},
                Activation.RELU, DType.F64, new SplittableRandom(1));
        assertArrayEquals(new int[] {2, 5, 6, 9}, conv.forward(randn(1, 2, 2, 6, 9)).shape());
        Conv1D conv1 = new Conv1D(2, 3, 3, 1, Padding.same(), 1, Activation.LINEAR, DType.F64, new SplittableRandom(1));
        assertArrayEquals(new int[] {2, 3, 10}, conv1.forward(randn(1, 2, 2, 10)).shape());
    }

    @Test
    void conv1dIsConv2dOnImagesOfHeightOne() {
        Conv1D c1 = new Conv1D(2, 3, 3, 2, Padding.of(1), 2, Activation.TANH, DType.F64, new SplittableRandom(4));
        Conv2D c2 = new Conv2D(2, 3, new int[] {1, 3}, new int[] {1, 2}, Padding.of(0, 1), new int[] {1, 2},
                Activation.TANH, DType.F64, new SplittableRandom(5));
        Tensor x = randn(6, 2, 2, 11);
        var w = new java.util.LinkedHashMap<String, Tensor>();
        w.put("W", c1.parameters().get("W").reshape(3, 2, 1, 3));
        w.put("b", c1.parameters().get("b"));
        assertArrayEquals(c2.forward(w, x.reshape(2, 2, 1, 11)).toDoubleArray(), c1.forward(x).toDoubleArray(), 1e-15);
    }

    @Test
    void gradientsOfTheConvolutions() {
        Conv2D conv = new Conv2D(2, 3, new int[] {2, 3}, new int[] {2, 1}, Padding.of(1, 1), new int[] {1, 2},
                Activation.TANH, DType.F64, new SplittableRandom(1));
        LayerGradCheck.check("Conv2D", conv.parameters(), List.of(randn(2, 2, 2, 5, 6)), (w, in) -> conv.forward(w, in[0]));
        Conv1D conv1 = new Conv1D(3, 2, 3, 2, Padding.of(2), 2, Activation.SIGMOID, DType.F64, new SplittableRandom(3));
        LayerGradCheck.check("Conv1D", conv1.parameters(), List.of(randn(4, 2, 3, 9)), (w, in) -> conv1.forward(w, in[0]));
    }

    @Test
    void conv1dChannelsLastIsConv1dOfTheTransposedInput() {
        // relu (the fused kernel), tanh (applied after it), and a strided, padded, dilated one (the composition)
        Conv1D[] layers = {
            new Conv1D(3, 4, 3, 1, Padding.valid(), 1, Activation.RELU, DType.F64, new SplittableRandom(7)),
            new Conv1D(3, 4, 2, 1, Padding.valid(), 1, Activation.TANH, DType.F64, new SplittableRandom(8)),
            new Conv1D(3, 2, 3, 2, Padding.of(1), 2, Activation.LINEAR, DType.F64, new SplittableRandom(9))};
        Tensor x = randn(10, 2, 9, 3);
        for (Conv1D c : layers) {
            assertArrayEquals(c.forward(c.parameters(), x.permute(0, 2, 1)).toDoubleArray(),
                    c.forwardChannelsLast(c.parameters(), x).toDoubleArray(), 1e-15);
            LayerGradCheck.check("Conv1D channels last", c.parameters(), List.of(x),
                    (w, in) -> c.forwardChannelsLast(w, in[0]));
        }
        Conv1D conv1 = layers[0];
        fails(() -> conv1.forwardChannelsLast(conv1.parameters(), Tensor.zeros(DType.F64, 2, 9)), "Conv1D", "[2, 9]",
                "[B, L, C]");
        fails(() -> conv1.forwardChannelsLast(conv1.parameters(), Tensor.zeros(DType.F64, 2, 3, 9)), "C = 3");
        fails(() -> conv1.forwardChannelsLast(conv1.parameters(), Tensor.zeros(DType.F64, 1, 2, 3)),
                "smaller than the kernel");
    }

    @Test
    void poolingByHand() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, 1, 1, 4, 4);
        assertArrayEquals(new double[] {6, 8, 14, 16}, new MaxPool2D(2).forward(x).toDoubleArray());
        assertArrayEquals(new double[] {3.5, 5.5, 11.5, 13.5}, new AvgPool2D(2).forward(x).toDoubleArray());
        // 3×3 windows at stride 2 with one padded row and column: the padding never wins a maximum and
        // counts as 0 in an average of 9.
        Tensor neg = x.neg();
        assertArrayEquals(new double[] {-1, -2, -5, -6},
                new MaxPool2D(new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1}).forward(neg).toDoubleArray());
        assertArrayEquals(new double[] {(1 + 2 + 5 + 6) / 9.0, (2 + 3 + 4 + 6 + 7 + 8) / 9.0},
                java.util.Arrays.copyOf(new AvgPool2D(new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1}).forward(x)
                        .toDoubleArray(), 2), 1e-15);
        assertArrayEquals(new double[] {8.5}, new GlobalAveragePooling().forward(x).toDoubleArray());
    }

    @Test
    void gradientsOfThePoolings() {
        // Distinct values far apart, so that every window has one clear winner under the perturbation.
        double[] v = new double[2 * 3 * 5 * 5];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((i * 37) % v.length) * 0.1;
        }
        Tensor x = Tensor.of(v, 2, 3, 5, 5);
        var none = new java.util.LinkedHashMap<String, Tensor>();
        MaxPool2D max = new MaxPool2D(new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 1});
        AvgPool2D avg = new AvgPool2D(new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1});
        LayerGradCheck.check("MaxPool2D", none, List.of(x), (w, in) -> max.forward(in[0]));
        LayerGradCheck.check("AvgPool2D", none, List.of(x), (w, in) -> avg.forward(in[0]));
        LayerGradCheck.check("GlobalAveragePooling", none, List.of(x), (w, in) -> new GlobalAveragePooling().forward(in[0]));
    }

    private static void fails(Runnable r, String... words) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), e.getMessage() + " should contain " + w);
        }
    }

    @Test
    void badInputsAreNamed() {
        SplittableRandom rng = new SplittableRandom(1);
        Conv2D conv = new Conv2D(3, 2, 3, Activation.RELU, rng);
        fails(() -> conv.forward(Tensor.zeros(2, 3, 8)), "Conv2D", "[2, 3, 8]", "[B, C, H, W]");
        fails(() -> conv.forward(Tensor.zeros(1, 2, 8, 8)), "C = 3");
        fails(() -> conv.forward(Tensor.zeros(1, 3, 2, 8)), "smaller than the kernel");
        fails(() -> new Conv2D(3, 2, new int[] {3, 3}, new int[] {0, 1}, Padding.valid(), new int[] {1, 1},
                Activation.RELU, DType.F32, rng), "stride", ">= 1");
        fails(() -> new Conv1D(3, 2, 3, 1, Padding.valid(), 0, Activation.RELU, DType.F32, rng), "dilation", ">= 1");
        fails(() -> new Conv1D(3, 2, 3, 0, Padding.valid(), 1, Activation.RELU, DType.F32, rng), "stride", ">= 1");
        fails(() -> new Conv2D(3, 2, new int[] {3, 3}, new int[] {1, 1}, Padding.valid(), new int[] {1, 0},
                Activation.RELU, DType.F32, rng), "dilation", ">= 1");
        Conv1D conv1 = new Conv1D(3, 2, 3, Activation.RELU, rng);
        fails(() -> conv1.forward(Tensor.zeros(3, 8)), "Conv1D", "[3, 8]");
        fails(() -> conv1.forward(Tensor.zeros(1, 3, 2)), "Conv1D", "smaller than the kernel");
        Conv1D dilated = new Conv1D(3, 2, 3, 1, Padding.valid(), 2, Activation.RELU, DType.F32, rng);
        fails(() -> dilated.forward(Tensor.zeros(1, 3, 4)), "smaller than the kernel");   // dilated extent 5
        Conv1D even = new Conv1D(1, 1, 2, 1, Padding.same(), 1, Activation.LINEAR, DType.F32, rng);
        fails(() -> even.forward(Tensor.zeros(1, 1, 5)), "asymmetric");
        fails(() -> new MaxPool2D(3).forward(Tensor.zeros(1, 1, 2, 2)), "MaxPool2D", "smaller than the kernel");
        fails(() -> new AvgPool2D(new int[] {2, 2}, new int[] {2, 2}, new int[] {2, 0}), "more than half the window");
        fails(() -> new GlobalAveragePooling().forward(Tensor.zeros(2, 3)), "GlobalAveragePooling");
        assertEquals("same", Padding.parse("same").label());
        fails(() -> Padding.parse("full"), "'full'");
    }
}
