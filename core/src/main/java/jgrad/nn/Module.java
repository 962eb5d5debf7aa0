package jgrad.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jgrad.tensor.Tensor;

/**
 * A part of a model: named parameters, named sub-modules, and a training/evaluation mode.
 * Parameter names are the formulas' own symbols ({@code W_xh}, {@code b_f}, {@code W_emb});
 * {@link #parameters()} prefixes them with the sub-module path ({@code encoder.W_xh}).
 */
public abstract class Module {

    private final Map<String, Tensor> params = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    /** Where the parameters live: set by the first parameter or part, then by {@link #to}. */
    private jgrad.backend.Device device = jgrad.backend.Device.CPU;
    private boolean training = true;
    /**
     * Counts the registrations of parameters and parts in every module: a module's cached
     * {@link #parameters()} is current while the count has not moved since it was made (a part may
     * gain parameters after its parent cached the map).
     */
    private static final AtomicLong REGISTRATIONS = new AtomicLong();
    private volatile CachedParameters cached;

    /** The map {@link #parameters()} returned, and the registration count it reflects. */
    private record CachedParameters(long registrations, Map<String, Tensor> all) {
    }

    /** Registers a trainable parameter under its formula's name and returns it (a leaf requiring grad). */
    protected Tensor param(String name, Tensor initial) {
        if (params.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": name '" + name + "' registered twice");
        }
        Tensor p = initial.detach().requiresGrad(true);
        if (params.isEmpty() && children.isEmpty()) {
            device = p.device();
        }
        params.put(name, p);
        REGISTRATIONS.incrementAndGet();
        return p;
    }

    /**
     * Registers state that is not trained but moves and is saved with the model (running statistics)
     * and returns it.
     */
    protected Tensor buffer(String name, Tensor initial) {
        if (params.containsKey(name) || children.containsKey(name) || buffers.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": name '" + name + "' registered twice");
        }
        Tensor b = initial.detach().contiguous();
        buffers.put(name, b);
        return b;
    }

    /** Every buffer of this module and its sub-modules, by dotted path. */
    public Map<String, Tensor> buffers() {
        Map<String, Tensor> all = new LinkedHashMap<>(buffers);
        for (Map.Entry<String, Module> c : children.entrySet()) {
            for (Map.Entry<String, Tensor> b : c.getValue().buffers().entrySet()) {
                all.put(c.getKey() + "." + b.getKey(), b.getValue());
            }
        }
        return Collections.unmodifiableMap(all);
    }

    /**
     * Moves every parameter and buffer to {@code device} in place and returns this module; layer
     * fields and optimizer slots keep pointing at the same tensors. Gradients are dropped. The state
     * of an optimizer bound before the move follows it at the optimizer's next step.
     */
    public Module to(jgrad.backend.Device device) {
        params.values().forEach(p -> p.moveTo(device));
        buffers.values().forEach(b -> b.moveTo(device));
        children.values().forEach(c -> c.to(device));
        this.device = device;
        return this;
    }

    /** The device of this module's parameters (the CPU for a module without any); read on every batch of fit. */
    public jgrad.backend.Device device() {
        return device;
    }

    /** Registers a sub-module and returns it. */
    protected <M extends Module> M child(String name, M module) {
        if (params.containsKey(name) || children.containsKey(name) || buffers.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": name '" + name + "' registered twice");
        }
        if (params.isEmpty() && children.isEmpty()) {
            device = module.device();
        }
        children.put(name, module);
        REGISTRATIONS.incrementAndGet();
        return module;
    }

    /** Every parameter of this module and its sub-modules, by dotted path, in registration order. */
    public Map<String, Tensor> parameters() {
        long now = REGISTRATIONS.get();
        CachedParameters c = cached;
        if (c == null || c.registrations() != now) {   // layers ask on every forward: made once, not per step
            c = new CachedParameters(now, collectParameters());
            cached = c;
        }
        return c.all();
    }

    private Map<String, Tensor> collectParameters() {
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
        for (Tensor p : parameters().values()) {
            p.zeroGrad();
        }
    }
}
