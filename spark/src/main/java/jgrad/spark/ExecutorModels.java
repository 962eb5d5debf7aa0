package jgrad.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The models loaded in this JVM (an executor, or the driver), by shipment ({@link ShippedModel}): the first
 * task that needs a model loads it, every later task of that JVM reuses it. Models are kept for the JVM's
 * life, so a retrained model is loaded beside the old one rather than over it.
 */
final class ExecutorModels {

    private static final Map<String, Object> LOADED = new ConcurrentHashMap<>();
    private static final AtomicInteger LOADS = new AtomicInteger();

    private ExecutorModels() {
    }

    @SuppressWarnings("unchecked")
    static <M> M get(String key, Supplier<M> load) {
        // computeIfAbsent holds the key's bin while loading, so two tasks of one executor load a model once
        return (M) LOADED.computeIfAbsent(key, k -> {
            LOADS.incrementAndGet();
            return load.get();
        });
    }

    /** How many models this JVM has loaded so far (tests check that a job loads each model once). */
    static int loads() {
        return LOADS.get();
    }
}
