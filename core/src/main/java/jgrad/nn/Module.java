package jgrad.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jgrad.tensor.Tensor;

/**
 * A part of a model: named parameters, named sub-modules, and a training/evaluation mode.
 * Parameter names are the formulas' own symbols ({@code W_xh}, {@code b_f}, {@code W_emb});
 * {@link #parameters()} prefixes them with the sub-module path ({@code encoder.W_xh}).
 */
public abstract class Module {

    private final Map<String, Tensor> params = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** Registers a trainable parameter under its formula's name and returns it (a leaf requiring grad). */
    protected Tensor param(String name, Tensor initial) {
        if (params.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": name '" + name + "' registered twice");
        }
        Tensor p = initial.detach().requiresGrad(true);
        params.put(name, p);
        return p;
    }

    /** Registers a sub-module and returns it. */
    protected <M extends Module> M child(String name, M module) {
        if (params.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": name '" + name + "' registered twice");
        }
        children.put(name, module);
        return module;
    }

    /** Every parameter of this module and its sub-modules, by dotted path, in registration order. */
    public Map<String, Tensor> parameters() {
        Map<String, Tensor> all = new LinkedHashMap<>(params);
        for (Map.Entry<String, Module> c : children.entrySet()) {
            for (Map.Entry<String, Tensor> p : c.getValue().parameters().entrySet()) {
                all.put(c.getKey() + "." + p.getKey(), p.getValue());
            }
        }
        return Collections.unmodifiableMap(all);
    }

    /** This module's direct sub-modules by name. */
    public Map<String, Module> children() {
        return Collections.unmodifiableMap(children);
    }

    /** Training mode (dropout active); returns this. */
    public Module train() {
        return setTraining(true);
    }

    /** Evaluation mode (dropout off); returns this. */
    public Module eval() {
        return setTraining(false);
    }

    private Module setTraining(boolean flag) {
        training = flag;
        children.values().forEach(c -> c.setTraining(flag));
        return this;
    }

    public boolean isTraining() {
        return training;
    }

    /** A table of this module's parts, their parameters' shapes and counts, and the totals ({@link ModuleSummary}). */
    public String summary() {
        return ModuleSummary.of(this);
    }

    /** Clears the gradients of every parameter. */
    public void zeroGrad() {
        parameters().values().forEach(Tensor::zeroGrad);
    }
}
