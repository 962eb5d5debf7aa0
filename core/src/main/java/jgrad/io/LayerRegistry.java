package jgrad.io;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import jgrad.nn.Layer;
import jgrad.train.Model;
import jgrad.train.Sequential;

/**
 * Rebuilds layers and models from their description: {@code {"type": T, "config": C}}, where T is
 * {@code type()} and C is {@code config()} of a {@link Layer} or a {@link Describable}. A type is made
 * loadable by registering a factory that takes its config back:
 * <pre>
 *   LayerRegistry.register("Dense", Dense::fromConfig);      // Function&lt;Map&lt;String, Object&gt;, Dense&gt;
 * </pre>
 * The engine's own types are registered in the static block below, which is the place to add a
 * new built-in layer; applications register theirs before calling {@link ModelFiles#load}.
 * Registering a type again replaces its factory.
 */
public final class LayerRegistry {

    private static final Map<String, Function<Map<String, Object>, ?>> FACTORIES = new ConcurrentHashMap<>();

    static {
        register("Sequential", Sequential::fromConfig);
        register("Model", Model::fromConfig);
    }

    private LayerRegistry() {
    }

    public static void register(String type, Function<Map<String, Object>, ?> factory) {
        if (type == null || type.isBlank() || factory == null) {
            throw new IllegalArgumentException("LayerRegistry.register: needs a type name and a factory, got '"
                    + type + "' and " + factory);
        }
        FACTORIES.put(type, factory);
    }

    public static boolean isRegistered(String type) {
        return FACTORIES.containsKey(type);
    }

    /** {"type": …, "config": …} of a Layer or Describable. */
    public static Map<String, Object> describe(Object layer) {
        Map<String, Object> spec = new LinkedHashMap<>();
        switch (layer) {
            case Layer l -> {
                spec.put("type", l.type());
                spec.put("config", l.config());
            }
            case Describable d -> {
                spec.put("type", d.type());
                spec.put("config", d.config());
            }
            default -> throw new IllegalArgumentException("cannot describe a " + layer.getClass().getName()
                    + ": it is neither a jgrad.nn.Layer nor a jgrad.io.Describable");
        }
        return spec;
    }

    /** Rebuilds what {@link #describe} described, checking that it is an {@code expected}. */
    @SuppressWarnings("unchecked")
    public static <T> T create(Object spec, Class<T> expected) {
        if (!(spec instanceof Map<?, ?> m) || !(m.get("type") instanceof String type)) {
            throw new IllegalArgumentException("a layer description must be {\"type\": ..., \"config\": {...}}, got "
                    + (spec == null ? "null" : Json.write(spec)));
        }
        Function<Map<String, Object>, ?> factory = FACTORIES.get(type);
        if (factory == null) {
            throw new IllegalArgumentException("unknown layer type '" + type + "'; registered: "
                    + new TreeSet<>(FACTORIES.keySet()) + " (register it with LayerRegistry.register)");
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
