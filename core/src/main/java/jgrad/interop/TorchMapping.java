package jgrad.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jgrad.autograd.Autograd;
import jgrad.io.ModelFileException;
import jgrad.io.SafeTensors;
import jgrad.nn.Module;
import jgrad.tensor.Tensor;

/**
 * How a PyTorch {@code state_dict} maps onto a jgrad model's parameters, in both directions: each PyTorch
 * tensor is one of
 * <ul>
 * <li>{@link #same}: one jgrad parameter of the same shape (a Linear's {@code weight [out, in]} is a
 * Dense's {@code W [out, in]}: no transpose);</li>
 * <li>{@link #rows}: several jgrad parameters stacked row-wise (PyTorch's LSTM {@code weight_ih_l0} is
 * {@code [W_xi; W_xf; W_xc; W_xo]}, gates in PyTorch's order i, f, g, o);</li>
 * <li>{@link #addedRows}: a second bias whose row blocks are added to parameters already loaded by
 * another rule (PyTorch's LSTM {@code bias_hh_l0}, since b = b_ih + b_hh), or are the parameter itself when
 * no other rule loads it (the GRU's b_hn). On export, a block whose parameter another rule exports is
 * zero, which PyTorch reads as the same function; any other block is the parameter.</li>
 * </ul>
 * Loading checks that the file has exactly the mapped names, each with the shape the model implies; a
 * difference names the tensor and both shapes. Values are converted to the parameter's dtype (F32 widened
 * to F64 exactly) and device.
 */
public final class TorchMapping {

    private enum Kind { SAME, ROWS, ADDED_ROWS }

    private record Rule(Kind kind, String torchName, List<String> jgradNames) {
    }

    private final List<Rule> rules = new ArrayList<>();

    /** PyTorch's {@code torchName} is jgrad's {@code jgradName}, shape for shape. */
    public TorchMapping same(String torchName, String jgradName) {
        return add(new Rule(Kind.SAME, torchName, List.of(jgradName)));
    }

    /** PyTorch's {@code torchName} is the jgrad parameters stacked along the first axis, in this order. */
    public TorchMapping rows(String torchName, String... jgradNames) {
        return add(new Rule(Kind.ROWS, torchName, List.of(jgradNames)));
    }

    /** PyTorch's {@code torchName}, cut row-wise like {@link #rows}, is added to those parameters. */
    public TorchMapping addedRows(String torchName, String... jgradNames) {
        return add(new Rule(Kind.ADDED_ROWS, torchName, List.of(jgradNames)));
    }

    private TorchMapping add(Rule rule) {
        if (rules.stream().anyMatch(r -> r.torchName.equals(rule.torchName))) {
            throw new IllegalArgumentException("the mapping already has a rule for '" + rule.torchName + "'");
        }
        rules.add(rule);
        return this;
    }

    /** The PyTorch names, in mapping order. */
    public List<String> torchNames() {
        return rules.stream().map(Rule::torchName).toList();
    }

    /** Reads a safetensors {@code state_dict} into {@code model}'s parameters (see the class comment). */
    public void load(Module model, Path file) throws IOException {
        try {
            load(model, SafeTensors.read(file).tensors());
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, e.getMessage());
        }
    }

    /** Copies PyTorch-named tensors into {@code model}'s parameters; refuses names or shapes that differ. */
    public void load(Module model, Map<String, Tensor> torch) {
        Map<String, Tensor> params = model.parameters();
        checkNames(torch.keySet());
        for (Rule r : rules) {
            int[] expected = torchShape(r, params);
            int[] got = torch.get(r.torchName).shape();
            if (!Arrays.equals(expected, got)) {
                throw new IllegalArgumentException("tensor '" + r.torchName + "': the file has shape "
                        + Arrays.toString(got) + ", the model expects " + Arrays.toString(expected) + " (jgrad "
                        + String.join(" + ", r.jgradNames) + ")");
            }
        }
        try (var _ = Autograd.noGrad()) {
            for (Kind pass : new Kind[] {Kind.SAME, Kind.ROWS, Kind.ADDED_ROWS}) {   // added rows come last
                for (Rule r : rules) {
                    if (r.kind == pass) {
                        assign(r, torch.get(r.torchName), params);
                    }
                }
            }
        }
    }

    /** The model's parameters under PyTorch's names, in mapping order, in the parameters' dtype. */
    public Map<String, Tensor> export(Module model) {
        Map<String, Tensor> params = model.parameters();
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (var _ = Autograd.noGrad()) {
            for (Rule r : rules) {
                Tensor[] parts = r.jgradNames.stream().map(n -> param(params, n)).toArray(Tensor[]::new);
                Tensor t = switch (r.kind) {
                    case SAME -> parts[0].copy();
                    case ROWS -> Tensor.concat(0, parts);
                    case ADDED_ROWS -> Tensor.concat(0, addedParts(r, parts));
                };
                out.put(r.torchName, t);
            }
        }
        return out;
    }

    /** Writes {@link #export} as a safetensors file PyTorch's {@code safetensors.torch.load_file} reads. */
    public void save(Module model, Path file) throws IOException {
        SafeTensors.write(file, export(model), Map.of("format", "pt", "written_by", "jgrad"));
    }

    private void checkNames(java.util.Set<String> names) {
        TreeSet<String> missing = new TreeSet<>(torchNames());
        missing.removeAll(names);
        TreeSet<String> extra = new TreeSet<>(names);
        extra.removeAll(torchNames());
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new IllegalArgumentException("the tensors do not match the model's mapping: missing " + missing
                    + ", unexpected " + extra);
        }
    }

    private static int[] torchShape(Rule r, Map<String, Tensor> params) {
        int[] shape = param(params, r.jgradNames.getFirst()).shape().clone();
        if (r.kind != Kind.SAME) {
            shape[0] = 0;
            for (String n : r.jgradNames) {
                int[] s = param(params, n).shape();
                if (s.length != shape.length) {
                    throw new IllegalStateException("mapping of '" + r.torchName + "': parameters of different ranks");
                }
                shape[0] += s[0];
            }
        }
        return shape;
    }

    private void assign(Rule r, Tensor source, Map<String, Tensor> params) {
        int row = 0;
        for (String n : r.jgradNames) {
            Tensor p = param(params, n);
            Tensor part = r.kind == Kind.SAME ? source : source.narrow(0, row, p.shape(0));
            row += p.shape(0);
            Tensor value = part.to(p.dtype()).to(p.device());
            p.copyFrom(r.kind == Kind.ADDED_ROWS && loadedElsewhere(r, n) ? p.add(value) : value.copy());
        }
    }

    /** Whether a rule other than {@code added} (a same or rows rule) loads and exports jgrad parameter {@code name}. */
    private boolean loadedElsewhere(Rule added, String name) {
        return rules.stream().anyMatch(o -> o != added && o.kind != Kind.ADDED_ROWS && o.jgradNames.contains(name));
    }

    private Tensor[] addedParts(Rule r, Tensor[] parts) {
        Tensor[] out = new Tensor[parts.length];
        for (int k = 0; k < parts.length; k++) {
            out[k] = loadedElsewhere(r, r.jgradNames.get(k))
                    ? Tensor.zeros(parts[k].device(), parts[k].dtype(), parts[k].shape()) : parts[k].copy();
        }
        return out;
    }

    private static Tensor param(Map<String, Tensor> params, String name) {
        Tensor p = params.get(name);
        if (p == null) {
            throw new IllegalStateException("the mapping names jgrad parameter '" + name + "', which the model does"
                    + " not have; it has " + new TreeSet<>(params.keySet()));
        }
        return p;
    }
}
