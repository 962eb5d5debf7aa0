package jgrad.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

/** The registry knows the types of every {@link ModelTypeProvider} on the class path, and each type once. */
class LayerRegistryTest {

    @Test
    void theEnginesProvidersAreFoundWithoutAnyCall() {
        List<String> providers = ServiceLoader.load(ModelTypeProvider.class).stream()
                .map(p -> p.type().getName()).toList();
        assertTrue(providers.containsAll(List.of("jgrad.io.BuiltInLayerTypes", "jgrad.train.GraphModelTypes",
                "jgrad.recsys.RecommenderTypes")), providers.toString());
        for (String type : List.of("Dense", "LSTM", "Sequential", "Model", "DotRecommender", "NCF", "TestAffine")) {
            assertTrue(LayerRegistry.isKnown(type), type);
        }
    }

    @Test
    void aTypeGivenByTwoProvidersIsAnErrorNamingBoth() {
        ModelTypeProvider a = () -> Map.of("Twice", c -> "a");
        ModelTypeProvider b = () -> Map.of("Twice", c -> "b");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LayerRegistry.load(List.of(a, b)));
        assertTrue(e.getMessage().contains("'Twice'") && e.getMessage().contains(a.getClass().getName())
                && e.getMessage().contains(b.getClass().getName()), e.getMessage());
    }

    @Test
    void anUnknownTypeSaysHowToMakeItKnown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LayerRegistry.create(Map.of("type", "NoSuchLayer"), Object.class));
        assertTrue(e.getMessage().contains("NoSuchLayer") && e.getMessage().contains("ModelTypeProvider"), e.getMessage());
    }
}
