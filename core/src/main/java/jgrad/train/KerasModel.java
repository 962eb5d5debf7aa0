package jgrad.train;

import jgrad.backend.Device;
import jgrad.nn.loss.Loss;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jgrad.autograd.Autograd;
import jgrad.nn.Module;
import jgrad.optim.Optimizer;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

/**
 * The Keras-like front on the {@link Module} base: {@link #compile}, {@link #fit}, {@link #evaluate},
 * {@link #predict}. It is the explicit loop of the PyTorch-like base, written once:
 * <pre>
 *   for each epoch, for each (shuffled) batch:
 *       optimizer.zeroGrad(); loss = loss(call(x), y); loss.backward(); optimizer.step();
 * </pre>
 * Inputs and targets are converted once to the dtype of the model's parameters, so a whole model
 * runs in F32 or in F64.
 */
public abstract class KerasModel extends Module {

    private Optimizer optimizer;
    private Loss loss;
    private List<Metric> metrics = List.of();
    private boolean stopRequested;

    /** The forward pass over the model's inputs, in their order. */
    public abstract Tensor call(List<Tensor> inputs);

    /** Chooses how to train: binds the optimizer to this model's parameters if it has none. */
    public KerasModel compile(Optimizer opt, Loss lossFn, Metric... metricList) {
        if (opt == null || lossFn == null) {
            throw new IllegalArgumentException("compile: needs an optimizer and a loss");
        }
        if (opt.parameters().isEmpty()) {
            opt.bind(this);
        }
        this.optimizer = opt;
        this.loss = lossFn;
        this.metrics = List.of(metricList);
        return this;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    Loss loss() {
        return loss;
    }

    List<Metric> metrics() {
        return metrics;
    }

    /** The dtype of the parameters (F32 for a model without parameters). */
    public DType dtype() {
        return parameters().values().stream().map(Tensor::dtype).findFirst().orElse(DType.F32);
    }

    /** Asks {@code fit} to stop after the current epoch (for callbacks). */
    public void stopTraining() {
        stopRequested = true;
    }

    boolean takeStopRequest() {
        boolean s = stopRequested;
        stopRequested = false;
        return s;
    }

    // ---------------------------------------------------------------- fit, evaluate, predict

    public History fit(Tensor x, Tensor y, Fit options) {
        return fit(List.of(x), y, options);
    }

    /** Trains on examples along axis 0 of every input and of the target; see {@link Fit}. */
    public History fit(List<Tensor> xs, Tensor y, Fit options) {
        requireCompiled("fit");
        return new FitLoop(this, options).run(convert(xs), y.detach().to(dtype()));
    }

    public Map<String, Double> evaluate(Tensor x, Tensor y) {
        return evaluate(List.of(x), y, 32);
    }

    /** The loss and metrics over all examples, in evaluation mode, without recording a graph. */
    public Map<String, Double> evaluate(List<Tensor> xs, Tensor y, int batchSize) {
        requireCompiled("evaluate");
        List<Tensor> in = convert(xs);
        Tensor target = y.detach().to(dtype());
        int n = ExampleRows.count(in, target);
        boolean wasTraining = isTraining();
        eval();
        metrics.forEach(Metric::reset);
        double lossSum = 0;
        try (var _ = Autograd.noGrad()) {
            for (int from = 0; from < n; from += batchSize) {
                int to = Math.min(n, from + batchSize);
                Tensor yb = ExampleRows.range(target, from, to);
                Tensor pred = callOnDevice(ExampleRows.range(in, from, to));
                lossSum += loss.compute(pred, yb.to(device())).to(Device.CPU).item() * (to - from);
                Tensor predHost = pred.to(Device.CPU);
                metrics.forEach(m -> m.update(predHost, yb));
            }
        } finally {
            restoreMode(wasTraining);
        }
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", lossSum / n);
        metrics.forEach(m -> logs.put(m.name(), m.result()));
        return logs;
    }

    public Tensor predict(Tensor x) {
        return predict(List.of(x), 256);
    }

    /** The outputs for all examples, batch by batch, in evaluation mode, concatenated on axis 0. */
    public Tensor predict(List<Tensor> xs, int batchSize) {
        List<Tensor> in = convert(xs);
        int n = ExampleRows.count(in, null);
        boolean wasTraining = isTraining();
        eval();
        List<Tensor> parts = new ArrayList<>();
        try (var _ = Autograd.noGrad()) {
            for (int from = 0; from < n; from += batchSize) {
                parts.add(callOnDevice(ExampleRows.range(in, from, Math.min(n, from + batchSize))).to(Device.CPU));
            }
        } finally {
            restoreMode(wasTraining);
        }
        return parts.size() == 1 ? parts.get(0) : Tensor.concat(0, parts.toArray(Tensor[]::new));
    }

    /**
     * {@link #call} on a batch of host inputs copied to the model's device: fit, evaluate and predict
     * take their data on the host, as Keras does, and return host results.
     */
    Tensor callOnDevice(List<Tensor> hostBatch) {
        Device device = device();
        return call(hostBatch.stream().map(x -> x.to(device)).toList());
    }

    private List<Tensor> convert(List<Tensor> xs) {
        DType d = dtype();
        return xs.stream().map(x -> x.detach().to(d)).toList();
    }

    void restoreMode(boolean training) {
        if (training) {
            train();
        } else {
            eval();
        }
    }

    private void requireCompiled(String what) {
        if (optimizer == null || loss == null) {
            throw new IllegalStateException(what + ": call compile(optimizer, loss, metrics...) first");
        }
    }
}
