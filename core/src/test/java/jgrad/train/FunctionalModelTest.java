package jgrad.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import jgrad.optim.Adam;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;
import jgrad.testing.TestLayers;

/** A two-input recommender (user and item towers, dot product) trained through fit. */
class FunctionalModelTest {

    @Test
    void aTwoInputRecommenderTrainsWithLazyEmbeddingUpdates() {
        int users = 30, items = 20, n = 400;
        Random rng = new Random(8);
        Tensor trueU = Tensor.randn(rng, DType.F64, 0, 1, users, 2);
        Tensor trueV = Tensor.randn(rng, DType.F64, 0, 1, items, 2);
        double[] u = new double[n], v = new double[n], r = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = rng.nextInt(users);
            v[i] = rng.nextInt(items);
            for (int k = 0; k < 2; k++) {
                r[i] += trueU.get((int) u[i], k) * trueV.get((int) v[i], k);
            }
        }
        var userTower = new TestLayers.Embedding(users, 4, DType.F64, 1);
        SymbolicTensor user = SymbolicTensor.input("user");
        SymbolicTensor item = SymbolicTensor.input("item");
        SymbolicTensor score = SymbolicTensor.apply("score", new TestLayers.Dot(),
                SymbolicTensor.apply("user_tower", userTower, user),
                SymbolicTensor.apply("item_tower", new TestLayers.Embedding(items, 4, DType.F64, 2), item));
        Model model = new Model(List.of(user, item), score);
        model.compile(new Adam(0.05), TestLayers::mse);

        History h = model.fit(List.of(Tensor.of(u, n), Tensor.of(v, n)), Tensor.of(r, n, 1),
                Fit.epochs(40).batchSize(50).output(new PrintStream(OutputStream.nullOutputStream())));
        assertTrue(h.get("loss").get(39) < 0.1 * h.get("loss").get(0), "loss " + h.get("loss"));
        assertNotNull(userTower.table().rowGrad(), "the embedding got row-sparse gradients");
        assertNull(userTower.table().grad());
    }

    @Test
    void sharedLayersAndNameClashes() {
        var tower = new TestLayers.Affine(2, 2, DType.F64, 1);
        SymbolicTensor a = SymbolicTensor.input("a");
        SymbolicTensor b = SymbolicTensor.input("b");
        Model shared = new Model(List.of(a, b), SymbolicTensor.apply("dot", new TestLayers.Dot(),
                SymbolicTensor.apply("tower", tower, a), SymbolicTensor.apply("tower", tower, b)));
        assertEquals(List.of("tower.W", "tower.b"), List.copyOf(shared.parameters().keySet()));
        Tensor x = Tensor.of(new double[] {1, 2}, 1, 2);
        Tensor t = tower.forward(x);
        assertArrayEquals(t.mul(t).sum(1, true).toDoubleArray(), shared.call(List.of(x, x)).toDoubleArray(), 1e-12);

        var e = assertThrows(IllegalArgumentException.class, () -> new Model(List.of(a, b), SymbolicTensor.apply("dot",
                new TestLayers.Dot(), SymbolicTensor.apply("t", tower, a), SymbolicTensor.apply("t", new TestLayers.Tanh(), b))));
        assertTrue(e.getMessage().contains("two different layers are named 't'"), e.getMessage());
        var missing = assertThrows(IllegalArgumentException.class,
                () -> new Model(List.of(a), SymbolicTensor.apply("t", tower, b)));
        assertTrue(missing.getMessage().contains("input 'b'"), missing.getMessage());
    }
}
