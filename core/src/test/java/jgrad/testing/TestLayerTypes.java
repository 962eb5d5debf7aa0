package jgrad.testing;

import java.util.Map;
import java.util.function.Function;

import jgrad.io.ModelTypeProvider;

/** The {@link TestLayers}, loadable from model files in the tests (listed in the test resources' META-INF/services). */
public final class TestLayerTypes implements ModelTypeProvider {

    @Override
    public Map<String, Function<Map<String, Object>, ?>> types() {
        return Map.of("TestAffine", TestLayers.Affine::fromConfig,
                "TestTanh", c -> new TestLayers.Tanh(),
                "TestEmbedding", TestLayers.Embedding::fromConfig,
                "TestDot", c -> new TestLayers.Dot());
    }
}
