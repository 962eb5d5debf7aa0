package jgrad.privacy.federated;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

import jgrad.data.Batches;
import jgrad.nn.loss.Loss;
import jgrad.optim.SGD;
import jgrad.tensor.Tensor;
import jgrad.train.Sequential;

/** A client's part of a federated round: E epochs of SGD with batches of B over its own rows only. */
final class LocalTraining {

    private final Sequential model;
    private final Loss loss;
    private final Tensor x;
    private final Tensor y;
    private final SGD sgd;

    LocalTraining(Sequential model, Loss loss, Tensor x, Tensor y, double learningRate) {
        this.model = model;
        this.loss = loss;
        this.x = x;
        this.y = y;
        this.sgd = new SGD(learningRate);
        sgd.bind(model);
    }

    /** Trains the model in place on {@code rows}; batch 0 means all the rows in one batch. */
    void train(int[] rows, int epochs, int batch, RandomGenerator random) {
        int b = batch == 0 ? rows.length : batch;
        for (int e = 0; e < epochs; e++) {
            for (int[] part : Batches.shuffled(rows.length, b, random)) {
                int[] ids = new int[part.length];
                for (int i = 0; i < part.length; i++) {
                    ids[i] = rows[part[i]];
                }
                sgd.zeroGrad();
                loss.compute(model.forward(take(x, ids)), take(y, ids)).backward();
                sgd.step();
            }
        }
    }

    private static Tensor take(Tensor t, int[] ids) {
        int[] shape = t.shape().clone();
        int rowLength = t.numel() / shape[0];
        shape[0] = ids.length;
        return t.reshape(t.shape(0), rowLength).gatherRows(ids, ids.length).reshape(shape);
    }

    /** A copy of the model's weights (the global model of the round). */
    Map<String, Tensor> snapshot() {
        Map<String, Tensor> copy = new LinkedHashMap<>();
        model.parameters().forEach((name, p) -> copy.put(name, p.detach().copy()));
        return copy;
    }

    void load(Map<String, Tensor> weights) {
        model.parameters().forEach((name, p) -> p.copyFrom(weights.get(name)));
    }

    static void checkClients(int[][] clients) {
        if (clients.length == 0) {
            throw new IllegalArgumentException("federated averaging needs at least one client");
        }
        for (int c = 0; c < clients.length; c++) {
            if (clients[c].length == 0) {
                throw new IllegalArgumentException("the client at position " + c + " has no data");
            }
        }
    }
}
