package jgrad.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jgrad.backend.Device;
import jgrad.autograd.NumericAnomalyException;
import jgrad.data.Batches;
import jgrad.backend.Arena;
import jgrad.tensor.Tensor;

/** One run of {@link KerasModel#fit}: the epochs, the batches, validation, callbacks and progress. */
final class FitLoop {

    private final KerasModel model;
    private final Fit fit;
    private final Progress progress;

    FitLoop(KerasModel model, Fit fit) {
        this.model = model;
        this.fit = fit;
        this.progress = new Progress(fit.out, fit.isLive(), fit.verbose, fit.epochs);
    }

    History run(List<Tensor> xs, Tensor y) {
        int n = ExampleRows.count(xs, y);
        int trainN = n;
        List<Tensor> valX = fit.validationX;
        Tensor valY = fit.validationY;
        if (valX == null && fit.validationSplit > 0) {
            trainN = (int) (n * (1 - fit.validationSplit));
            if (trainN == 0 || trainN == n) {
                throw new IllegalArgumentException("fit: validationSplit " + fit.validationSplit + " of " + n
                        + " examples leaves " + trainN + " for training and " + (n - trainN) + " for validation");
            }
            valX = ExampleRows.range(xs, trainN, n);
            valY = ExampleRows.range(y, trainN, n);
        }
        List<Tensor> trainX = ExampleRows.range(xs, 0, trainN);
        Tensor trainY = ExampleRows.range(y, 0, trainN);
        Random rng = new Random(fit.seed);
        History history = new History();
        model.takeStopRequest();
        fit.callbacks.forEach(c -> c.onTrainBegin(model));
        for (int epoch = 0; epoch < fit.epochs; epoch++) {
            int[][] batches = fit.shuffle ? Batches.shuffled(trainN, fit.batchSize, rng)
                    : Batches.sequential(trainN, fit.batchSize);
            Map<String, Double> logs = epoch(epoch, trainX, trainY, batches);
            if (valX != null) {
                model.evaluate(valX, valY, fit.batchSize).forEach((k, v) -> logs.put("val_" + k, v));
            }
            progress.epochEnd(logs);
            history.add(logs);
            for (Callback c : fit.callbacks) {
                c.onEpochEnd(epoch, logs, model);
            }
            if (model.takeStopRequest()) {
                break;
            }
        }
        fit.callbacks.forEach(c -> c.onTrainEnd(model));
        return history;
    }

    private Map<String, Double> epoch(int epoch, List<Tensor> xs, Tensor y, int[][] batches) {
        int steps = batches.length;
        int n = 0;
        model.train();
        model.metrics().forEach(Metric::reset);
        progress.epochBegin(epoch, steps);
        double lossSum = 0;
        for (int step = 0; step < steps; step++) {
            int[] rows = batches[step];
            double batchLoss;
            try (Arena ignored = Arena.open()) {   // the step's tensors are reused by the next step
                batchLoss = trainStep(ExampleRows.take(xs, rows), ExampleRows.take(y, rows));
            } catch (NumericAnomalyException e) {
                throw new NumericAnomalyException(e.getMessage() + " at epoch " + (epoch + 1) + ", batch "
                        + (step + 1) + " of " + steps + "; training stopped");
            }
            if (!Double.isFinite(batchLoss)) {
                throw new IllegalStateException("fit: the loss is " + batchLoss + " at epoch " + (epoch + 1)
                        + ", batch " + (step + 1) + " of " + steps + "; training stopped (check the learning rate "
                        + "and the inputs)");
            }
            n += rows.length;
            lossSum += batchLoss * rows.length;
            progress.batchEnd(step + 1, Map.of("loss", lossSum / n));
        }
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", lossSum / n);
        model.metrics().forEach(m -> logs.put(m.name(), m.result()));
        return logs;
    }

    /** The explicit step of the PyTorch-like base. */
    private double trainStep(List<Tensor> xb, Tensor yb) {
        model.optimizer().zeroGrad();
        Tensor prediction = model.callOnDevice(xb);
        Tensor loss = model.loss().compute(prediction, yb.to(model.device()));
        loss.backward();
        model.optimizer().step();
        if (!model.metrics().isEmpty()) {
            Tensor p = prediction.detach().to(Device.CPU);
            model.metrics().forEach(m -> m.update(p, yb));
        }
        return loss.to(Device.CPU).item();
    }
}
