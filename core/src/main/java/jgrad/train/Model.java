package jgrad.train;

import jgrad.nn.MergeLayer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jgrad.nn.Config;
import jgrad.nn.Describable;
import jgrad.io.LayerRegistry;
import jgrad.nn.Layer;
import jgrad.nn.Module;
import jgrad.tensor.Tensor;

/**
 * A functional graph of layers with several inputs (Keras's {@code Model(inputs, outputs)}), built
 * from {@link SymbolicTensor}s. Layers are named; a layer's parameters are {@code NAME.PARAM}. Saved as
 * <pre>
 *   {"inputs": ["user", "item"],
 *    "layers": [{"name": "user_tower", "type": …, "config": …}, …],
 *    "nodes":  [{"input": "user"}, {"input": "item"}, {"layer": "user_tower", "from": [0]}, …],
 *    "output": 4}
 * </pre>
 * where nodes come in an order that computes each after the nodes it reads.
 */
public final class Model extends KerasModel implements Describable {

    private final List<String> inputNames;
    private final List<SymbolicTensor> nodes;             // topological order
    private final int[][] from;                 // node i reads nodes from[i]
    private final Map<String, Object> layers = new LinkedHashMap<>();

    public Model(List<SymbolicTensor> inputs, SymbolicTensor output) {
        this.inputNames = inputs.stream().map(n -> {
            if (!n.isInput()) {
                throw new IllegalArgumentException("Model: the inputs must be SymbolicTensor.input(...) nodes");
            }
            return n.inputName;
        }).toList();
        if (new java.util.HashSet<>(inputNames).size() != inputNames.size()) {
            throw new IllegalArgumentException("Model: input names repeat: " + inputNames);
        }
        this.nodes = order(inputs, output);
        this.from = new int[nodes.size()][];
        Map<SymbolicTensor, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            SymbolicTensor n = nodes.get(i);
            index.put(n, i);
            from[i] = n.from.stream().mapToInt(index::get).toArray();
            if (!n.isInput()) {
                registerLayer(n);
            }
        }
    }

    /** Inputs first (in the given order), then every node after the nodes it reads. */
    private static List<SymbolicTensor> order(List<SymbolicTensor> inputs, SymbolicTensor output) {
        List<SymbolicTensor> out = new ArrayList<>(inputs);
        Map<SymbolicTensor, Boolean> done = new IdentityHashMap<>();
        inputs.forEach(n -> done.put(n, true));
        ArrayDeque<SymbolicTensor> stack = new ArrayDeque<>();
        stack.push(output);
        while (!stack.isEmpty()) {
            SymbolicTensor n = stack.peek();
            if (done.containsKey(n)) {
                stack.pop();
                continue;
            }
            if (n.isInput()) {
                throw new IllegalArgumentException("Model: the output depends on input '" + n.inputName
                        + "', which is not among the model's inputs");
            }
            SymbolicTensor pending = n.from.stream().filter(f -> !done.containsKey(f)).findFirst().orElse(null);
            if (pending == null) {
                stack.pop();
                done.put(n, true);
                out.add(n);
            } else {
                stack.push(pending);
            }
        }
        return out;
    }

    private void registerLayer(SymbolicTensor n) {
        Object known = layers.get(n.layerName);
        if (known == null) {
            layers.put(n.layerName, n.layer);
            if (n.layer instanceof Module m) {
                child(n.layerName, m);
            }
        } else if (known != n.layer) {
            throw new IllegalArgumentException("Model: two different layers are named '" + n.layerName + "'");
        }
    }

    public List<String> inputNames() {
        return inputNames;
    }

    @Override
    public Tensor call(List<Tensor> inputs) {
        if (inputs.size() != inputNames.size()) {
            throw new IllegalArgumentException("Model takes " + inputNames.size() + " inputs " + inputNames
                    + ", got " + inputs.size());
        }
        Tensor[] values = new Tensor[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            SymbolicTensor n = nodes.get(i);
            if (n.isInput()) {
                values[i] = inputs.get(i);
            } else if (n.layer instanceof Layer l) {
                values[i] = l.forward(values[from[i][0]]);
            } else {
                List<Tensor> args = new ArrayList<>(from[i].length);
                for (int k : from[i]) {
                    args.add(values[k]);
                }
                values[i] = ((MergeLayer) n.layer).forward(args);
            }
        }
        return values[values.length - 1];
    }

    /** The forward pass with inputs given by name. */
    public Tensor call(Map<String, Tensor> inputs) {
        return call(inputNames.stream().map(name -> {
            Tensor t = inputs.get(name);
            if (t == null) {
                throw new IllegalArgumentException("Model: missing input '" + name + "'; given " + inputs.keySet());
            }
            return t;
        }).toList());
    }

    @Override
    public String type() {
        return "Model";
    }

    @Override
    public Map<String, Object> config() {
        List<Object> layerSpecs = new ArrayList<>();
        layers.forEach((name, layer) -> {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("name", name);
            spec.putAll(LayerRegistry.describe(layer));
            layerSpecs.add(spec);
        });
        List<Object> nodeSpecs = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            SymbolicTensor n = nodes.get(i);
            Map<String, Object> spec = new LinkedHashMap<>();     // ordered, so a save is byte-reproducible
            if (n.isInput()) {
                spec.put("input", n.inputName);
            } else {
                spec.put("layer", n.layerName);
                spec.put("from", from[i]);
            }
            nodeSpecs.add(spec);
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("inputs", inputNames);
        c.put("layers", layerSpecs);
        c.put("nodes", nodeSpecs);
        c.put("output", nodes.size() - 1);
        return c;
    }

    /** The factory registered under "Model". */
    public static Model fromConfig(Map<String, Object> config) {
        Config c = new Config("Model", config);
        Map<String, Object> built = new LinkedHashMap<>();
        for (Object spec : c.getList("layers")) {
            Config ls = new Config("Model layer", asMap(spec));
            built.put(ls.getString("name"), LayerRegistry.create(spec, Object.class));
        }
        List<SymbolicTensor> nodes = new ArrayList<>();
        List<SymbolicTensor> inputs = new ArrayList<>();
        for (Object spec : c.getList("nodes")) {
            Config ns = new Config("Model node", asMap(spec));
            if (ns.has("input")) {
                SymbolicTensor in = SymbolicTensor.input(ns.getString("input"));
                nodes.add(in);
                inputs.add(in);
                continue;
            }
            String name = ns.getString("layer");
            Object layer = built.get(name);
            List<SymbolicTensor> args = new ArrayList<>();
            for (int k : ns.getIntArray("from")) {
                if (k < 0 || k >= nodes.size()) {
                    throw new IllegalArgumentException("Model config: node " + nodes.size() + " reads node " + k
                            + ", which does not come before it");
                }
                args.add(nodes.get(k));
            }
            nodes.add(switch (layer) {
                case Layer l when args.size() == 1 -> SymbolicTensor.apply(name, l, args.get(0));
                case MergeLayer m -> SymbolicTensor.apply(name, m, args.toArray(SymbolicTensor[]::new));
                case null -> throw new IllegalArgumentException("Model config: node uses unknown layer '" + name + "'");
                default -> throw new IllegalArgumentException("Model config: layer '" + name + "' cannot take "
                        + args.size() + " inputs");
            });
        }
        int output = c.getInt("output");
        if (output < 0 || output >= nodes.size()) {
            throw new IllegalArgumentException("Model config: output " + output + " is not a node");
        }
        Map<String, SymbolicTensor> byName = new LinkedHashMap<>();
        inputs.forEach(n -> byName.put(n.inputName, n));
        List<SymbolicTensor> ordered = new ArrayList<>();
        for (Object name : c.getList("inputs")) {
            SymbolicTensor in = byName.get(String.valueOf(name));
            if (in == null) {
                throw new IllegalArgumentException("Model config: input '" + name + "' has no input node");
            }
            ordered.add(in);
        }
        return new Model(Collections.unmodifiableList(ordered), nodes.get(output));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object spec) {
        if (!(spec instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("Model config: expected an object, got " + spec);
        }
        return (Map<String, Object>) m;
    }
}
