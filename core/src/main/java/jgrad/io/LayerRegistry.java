package jgrad.io;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.function.Function;

import jgrad.nn.Describable;

/**
 * Rebuilds layers and models from their description: {@code {"type": T, "config": C}}, where T is
 * {@code type()} and C is {@code config()} of a {@link jgrad.nn.Layer} or a {@link Describable}. The factory
 * that takes a config back comes from the {@link ModelTypeProvider}s that {@link ServiceLoader} finds, loaded
 * once, at the first use: the engine's layers ({@link BuiltInLayerTypes}), {@code Sequential} and {@code Model}
 * ({@code jgrad.train.GraphModelTypes}), the recommenders ({@code jgrad.recsys.RecommenderTypes}) and any
 * application's. Nothing has to be called first, and this package knows none of the packages it rebuilds
 * beyond {@code jgrad.nn}: they use the file format, not the other way round.
 */
public final class LayerRegistry {

    private static volatile Map<String, Function<Map<String, Object>, ?>> factories;

    private LayerRegistry() {
    }

    /** The factories of every provider, found on first use. */
    private static Map<String, Function<Map<String, Object>, ?>> factories() {
        Map<String, Function<Map<String, Object>, ?>> f = factories;
        if (f == null) {
            synchronized (LayerRegistry.class) {
                if (factories == null) {
                    factories = load(ServiceLoader.load(ModelTypeProvider.class));
                }
                f = factories;
            }
        }
        return f;
    }

    /** The union of the providers' types; a name given twice is an error naming both providers. */
    static Map<String, Function<Map<String, Object>, ?>> load(Iterable<ModelTypeProvider> providers) {
        Map<String, Function<Map<String, Object>, ?>> all = new HashMap<>();
        Map<String, String> providerOf = new HashMap<>();
        for (ModelTypeProvider p : providers) {
            String provider = p.getClass().getName();
            p.types().forEach((type, factory) -> {
                if (type == null || type.isBlank() || factory == null) {
                    throw new IllegalStateException(provider + " gives a type without a name or a factory: '"
                            + type + "' → " + factory);
                }
                String earlier = providerOf.putIfAbsent(type, provider);
                if (earlier != null) {
                    throw new IllegalStateException("model type '" + type + "' is given by both " + earlier
                            + " and " + provider);
                }
                all.put(type, factory);
            });
        }
        return Map.copyOf(all);
    }

    /** Whether a model file may name {@code type}. */
    public static boolean isKnown(String type) {
        return factories().containsKey(type);
    }

    /** {"type": …, "config": …} of a layer, merge or model. */
    public static Map<String, Object> describe(Object layer) {
        if (!(layer instanceof Describable d)) {
            throw new IllegalArgumentException("cannot describe a " + layer.getClass().getName()
                    + ": it is not a jgrad.nn.Describable (a Layer, MergeLayer or Model)");
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", d.type());
        spec.put("config", d.config());
        return spec;
    }

    /** Rebuilds what {@link #describe} described, checking that it is an {@code expected}. */
    @SuppressWarnings("unchecked")
    public static <T> T create(Object spec, Class<T> expected) {
        if (!(spec instanceof Map<?, ?> m) || !(m.get("type") instanceof String type)) {
            throw new IllegalArgumentException("a layer description must be {\"type\": ..., \"config\": {...}}, got "
                    + (spec == null ? "null" : Json.write(spec)));
        }
        Function<Map<String, Object>, ?> factory = factories().get(type);
        if (factory == null) {
            throw new IllegalArgumentException("unknown layer type '" + type + "'; known: "
                    + new TreeSet<>(factories().keySet()) + " (a jgrad.io.ModelTypeProvider listed in"
                    + " META-INF/services/jgrad.io.ModelTypeProvider makes a type known)");
        }
        Object config = m.get("config") == null ? Map.of() : m.get("config");
        if (!(config instanceof Map<?, ?> c)) {
            throw new IllegalArgumentException("layer '" + type + "': config must be an object, got " + Json.write(config));
        }
        Object built = factory.apply((Map<String, Object>) c);
        if (!expected.isInstance(built)) {
            throw new IllegalArgumentException("layer type '" + type + "' built a " + built.getClass().getSimpleName()
                    + " where a " + expected.getSimpleName() + " is needed");
        }
        return expected.cast(built);
    }
}
