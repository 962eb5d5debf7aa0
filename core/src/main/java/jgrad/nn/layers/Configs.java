package jgrad.nn.layers;

import java.util.Locale;
import java.util.Map;

import jgrad.tensor.DType;

/** Reads the settings of a layer's config (as {@link jgrad.io.Json} parsed them), naming what is missing. */
final class Configs {

    private Configs() {
    }

    static int integer(Map<String, Object> c, String key) {
        if (!(c.get(key) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException("layer config: \"" + key + "\" must be a whole number, got " + c.get(key));
        }
        return n.intValue();
    }

    static int integer(Map<String, Object> c, String key, int fallback) {
        return c.containsKey(key) ? integer(c, key) : fallback;
    }

    static double number(Map<String, Object> c, String key, double fallback) {
        Object v = c.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("layer config: \"" + key + "\" must be a number, got " + v);
        }
        return n.doubleValue();
    }

    static String string(Map<String, Object> c, String key, String fallback) {
        Object v = c.get(key);
        return v == null ? fallback : v.toString();
    }

    static boolean bool(Map<String, Object> c, String key, boolean fallback) {
        Object v = c.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException("layer config: \"" + key + "\" must be true or false, got " + v);
        }
        return b;
    }

    /** "dtype": "f32" (default) or "f64". */
    static DType dtype(Map<String, Object> c) {
        return DType.valueOf(string(c, "dtype", "f32").toUpperCase(Locale.ROOT));
    }
}
