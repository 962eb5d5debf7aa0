package jgrad.nn;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jgrad.backend.DType;

/**
 * Typed reads from a layer's config map (as {@code jgrad.io.Json} parses it: integers are Long, other
 * numbers Double), with errors that name the layer type, the key and what was found. The reads
 * with a fallback return it when the key is absent.
 */
public final class Config {

    private final String type;
    private final Map<String, Object> map;

    public Config(String type, Map<String, Object> map) {
        this.type = type;
        this.map = map;
    }

    public boolean has(String key) {
        return map.containsKey(key) && map.get(key) != null;
    }

    public Object get(String key) {
        if (!has(key)) {
            throw new IllegalArgumentException(type + " config: missing '" + key + "' in " + map);
        }
        return map.get(key);
    }

    public int getInt(String key) {
        Object v = get(key);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw bad(key, "an integer", v);
    }

    public double getDouble(String key) {
        Object v = get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw bad(key, "a number", v);
    }

    public String getString(String key) {
        Object v = get(key);
        if (v instanceof String s) {
            return s;
        }
        throw bad(key, "a string", v);
    }

    public boolean getBoolean(String key) {
        Object v = get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        throw bad(key, "true or false", v);
    }

    public List<?> getList(String key) {
        Object v = get(key);
        if (v instanceof List<?> l) {
            return l;
        }
        throw bad(key, "a list", v);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> getMap(String key) {
        Object v = get(key);
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw bad(key, "an object", v);
    }

    public List<String> getStringList(String key) {
        List<?> l = getList(key);
        List<String> out = new java.util.ArrayList<>(l.size());
        for (Object v : l) {
            if (!(v instanceof String s)) {
                throw bad(key, "a list of strings", l);
            }
            out.add(s);
        }
        return out;
    }

    public int[] getIntArray(String key) {
        List<?> l = getList(key);
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(l.get(i) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw bad(key, "a list of integers", l);
            }
            out[i] = n.intValue();
        }
        return out;
    }

    public int getInt(String key, int fallback) {
        return has(key) ? getInt(key) : fallback;
    }

    public double getDouble(String key, double fallback) {
        return has(key) ? getDouble(key) : fallback;
    }

    public String getString(String key, String fallback) {
        return has(key) ? getString(key) : fallback;
    }

    public boolean getBoolean(String key, boolean fallback) {
        return has(key) ? getBoolean(key) : fallback;
    }

    /** How a config writes a dtype: "f32" or "f64", which {@link #dtype()} reads back. */
    public static String dtypeName(DType dtype) {
        return dtype.name().toLowerCase(Locale.ROOT);
    }

    /** "dtype": "f32" (the default) or "f64". */
    public DType dtype() {
        String d = getString("dtype", "f32").toUpperCase(Locale.ROOT);
        if (!d.equals("F32") && !d.equals("F64")) {
            throw bad("dtype", "\"f32\" or \"f64\"", d);
        }
        return DType.valueOf(d);
    }

    private IllegalArgumentException bad(String key, String expected, Object got) {
        return new IllegalArgumentException(type + " config: '" + key + "' must be " + expected + ", got "
                + (got == null ? "null" : String.valueOf(got)));
    }
}
