package jgrad.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.io.Json;
import jgrad.nn.Activation;
import jgrad.nn.Layer;
import jgrad.nn.Module;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/** Every layer rebuilds from its type and config (through JSON) and, given the same weights, computes the same. */
class LayerConfigTest {

    private final SplittableRandom rng = new SplittableRandom(13);

    @Test
    @SuppressWarnings("unchecked")
    void layersRebuildFromTheirConfig() {
        List<Map.Entry<Layer, Tensor>> cases = List.of(
                Map.entry(new Dense(3, 2, Activation.leakyRelu(0.2), DType.F64, rng), Tensor.randn(rng, DType.F64, 0, 1, 4, 3)),
                Map.entry(new Embedding(6, 3, DType.F64, rng, jgrad.nn.init.Initializers.uniform(1), false),
                        Tensor.of(new double[] {5, 0, 2}, 3)),
                Map.entry(new Flatten(), Tensor.randn(rng, DType.F64, 0, 1, 2, 3, 2)),
                Map.entry(new Rnn(3, 4, 2, Activation.RELU, Activation.SIGMOID, false, DType.F64, rng),
                        Tensor.randn(rng, DType.F64, 0, 1, 2, 5, 3)),
                Map.entry(new Lstm(3, 4, false, DType.F64, rng), Tensor.randn(rng, DType.F64, 0, 1, 2, 5, 3)),
                Map.entry(new Gru(3, 4, true, DType.F64, rng), Tensor.randn(rng, DType.F64, 0, 1, 2, 5, 3)),
                Map.entry(new Attention(Attention.Score.MLP, 3, 3, 2, DType.F64, rng),
                        Tensor.randn(rng, DType.F64, 0, 1, 2, 5, 3)),
                Map.entry(new Attention(Attention.Score.GENERAL, 3, 3, 0, DType.F64, rng),
                        Tensor.randn(rng, DType.F64, 0, 1, 2, 5, 3)));
        for (Map.Entry<Layer, Tensor> e : cases) {
            Layer original = e.getKey();
            Map<String, Object> config = (Map<String, Object>) Json.parse(Json.write(original.config()));
            Layer rebuilt = (Layer) LayerFactories.all().get(original.type()).apply(config);
            assertEquals(original.config(), rebuilt.config(), original.type());
            Map<String, Tensor> from = ((Module) original).parameters();
            ((Module) rebuilt).parameters().forEach((k, t) -> {
                double[] v = from.get(k).toDoubleArray();
                for (int i = 0; i < v.length; i++) {
                    t.storage().set(i, v[i]);
                }
            });
            assertArrayEquals(original.forward(e.getValue()).toDoubleArray(), rebuilt.forward(e.getValue()).toDoubleArray(),
                    0, original.type());
        }
        assertEquals(new Dot(true).config(), Dot.fromConfig(new Dot(true).config()).config());
        assertEquals(new Concat(1).config(), Concat.fromConfig(new Concat(1).config()).config());
        assertEquals(0.3, Dropout.fromConfig(new Dropout(0.3, rng).config()).rate());
    }

    @Test
    void aBadConfigIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Dense.fromConfig(Map.of("in", 3)));
        assertEquals("Dense config: missing 'out' in {in=3}", e.getMessage());
    }
}
