package jgrad.golden;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.nn.Activation;
import jgrad.tensor.Tensor;

/**
 * One golden case in the format of {@code shared/spec/golden-format.md}, its tensors read in the
 * precision being tested. Params, and the inputs that have an entry in {@code grads}, are leaves
 * that require a gradient; other inputs (ids, labels, masks, targets) are plain tensors.
 */
record GoldenCase(String name, String op, Map<String, Object> config, Map<String, Tensor> params,
                  Map<String, Tensor> inputs, Map<String, Tensor> outputs, Map<String, Tensor> upstream,
                  Map<String, Tensor> grads, double abs, double rel) {

    @SuppressWarnings("unchecked")
    static GoldenCase parse(Object json, String fallbackName, DType dtype) {
        return parse(json, fallbackName, dtype, Device.CPU);
    }

    /** The case with its params, inputs and upstream gradients on {@code device}; expected values stay on the host. */
    static GoldenCase parse(Object json, String fallbackName, DType dtype, Device device) {
        if (!(json instanceof Map<?, ?> top)) {
            throw new IllegalArgumentException("a golden case must be a JSON object");
        }
        Map<String, Object> m = (Map<String, Object>) top;
        String name = m.get("name") instanceof String s ? s : fallbackName;
        if (!(m.get("op") instanceof String op)) {
            throw new IllegalArgumentException("no \"op\" (a string)");
        }
        Map<String, Tensor> grads = tensors(m, "grads", dtype);
        Map<String, Tensor> params = onDevice(tensors(m, "params", dtype), device);
        params.values().forEach(t -> t.requiresGrad(true));
        Map<String, Tensor> inputs = onDevice(tensors(m, "inputs", dtype), device);
        inputs.forEach((k, t) -> t.requiresGrad(grads.containsKey(k)));
        Map<String, Object> config = m.get("config") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
        double[] tol = tolerance(m, dtype);
        return new GoldenCase(name, op, config, params, inputs, tensors(m, "outputs", dtype),
                onDevice(tensors(m, "upstream", dtype), device), grads, tol[0], tol[1]);
    }

    private static Map<String, Tensor> onDevice(Map<String, Tensor> host, Device device) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        host.forEach((k, t) -> out.put(k, t.to(device)));
        return out;
    }

    /** The named input; fails the case clearly when the file lacks it. */
    Tensor input(String key) {
        Tensor t = inputs.get(key);
        if (t == null) {
            throw new IllegalArgumentException("missing input '" + key + "' (given: " + inputs.keySet() + ")");
        }
        return t;
    }

    /** A string setting of {@code config}, or the default. */
    String configString(String key, String fallback) {
        Object v = config.get(key);
        return v == null ? fallback : v.toString();
    }

    /**
     * The activation named {@code name}; a leaky_relu takes the case's {@code negative_slope} (absent means
     * {@value jgrad.nn.Activation#DEFAULT_LEAKY_SLOPE}), the one slope of every leaky_relu of the case.
     */
    Activation activation(String name) {
        Activation f = Activation.of(name);
        if (f.kind() != Activation.Kind.LEAKY_RELU) {
            return f;
        }
        Object slope = config.getOrDefault("negative_slope", Activation.DEFAULT_LEAKY_SLOPE);
        if (!(slope instanceof Number s)) {
            throw new IllegalArgumentException("config \"negative_slope\" must be a number, got " + slope);
        }
        return Activation.leakyRelu(s.doubleValue());
    }

    /** The activations named by the list {@code key} of {@code config}, each as {@link #activation}. */
    List<Activation> activations(String key) {
        return configList(key).stream().map(this::activation).toList();
    }

    @SuppressWarnings("unchecked")
    List<String> configList(String key) {
        if (!(config.get(key) instanceof List<?> l)) {
            throw new IllegalArgumentException("config needs \"" + key + "\" (a list)");
        }
        return ((List<Object>) l).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Tensor> tensors(Map<String, Object> m, String key, DType dtype) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        if (m.get(key) instanceof Map<?, ?> section) {
            ((Map<String, Object>) section).forEach((k, v) -> out.put(k, tensor(key + "." + k, v, dtype)));
        }
        return out;
    }

    /** {"shape": [..], "data": [..]} (a bare number is a scalar, as in {"loss": 1}). */
    @SuppressWarnings("unchecked")
    private static Tensor tensor(String where, Object v, DType dtype) {
        if (v instanceof Number n) {
            return Tensor.scalar(dtype, n.doubleValue());
        }
        if (!(v instanceof Map<?, ?> t) || !(t.get("shape") instanceof List<?> shape) || !(t.get("data") instanceof List<?> data)) {
            throw new IllegalArgumentException(where + ": a tensor must be {\"shape\": [...], \"data\": [...]}");
        }
        int[] dims = ((List<Object>) shape).stream().mapToInt(x -> ((Number) x).intValue()).toArray();
        double[] values = ((List<Object>) data).stream().mapToDouble(x -> {
            if (!(x instanceof Number n)) {
                throw new IllegalArgumentException(where + ": data holds a non-number " + x);
            }
            return n.doubleValue();
        }).toArray();
        try {
            return Tensor.of(values, dims).to(dtype);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /** {abs, rel} for the dtype; defaults when the file gives none. */
    @SuppressWarnings("unchecked")
    private static double[] tolerance(Map<String, Object> m, DType dtype) {
        double[] tol = dtype == DType.F64 ? new double[] {1e-9, 1e-7} : new double[] {1e-4, 1e-3};
        if (m.get("tolerance") instanceof Map<?, ?> all
                && ((Map<String, Object>) all).get(dtype.name().toLowerCase()) instanceof Map<?, ?> t) {
            if (t.get("abs") instanceof Number a) {
                tol[0] = a.doubleValue();
            }
            if (t.get("rel") instanceof Number r) {
                tol[1] = r.doubleValue();
            }
        }
        return tol;
    }
}
