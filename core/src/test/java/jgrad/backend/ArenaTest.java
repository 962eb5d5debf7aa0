package jgrad.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.nn.Activation;
import jgrad.nn.Module;
import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Dropout;
import jgrad.nn.layers.Embedding;
import jgrad.nn.layers.Lstm;
import jgrad.nn.loss.SoftmaxCrossEntropy;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.tensor.Tensor;

/** Step memory: reuse, zeroing, nesting, poisoning, and training that gives the same bits with and without it. */
class ArenaTest {

    @Test
    void aSecondStepReusesTheFirstStepsStoragesZeroed() {
        Storage first;
        try (Arena ignored = Arena.open()) {
            Tensor t = Tensor.zeros(DType.F32, 3, 5);
            t.set(7, 1, 2);
            first = t.storage();
        }
        try (Arena ignored = Arena.open()) {
            Tensor t = Tensor.zeros(DType.F32, 3, 5);
            assertSame(first, t.storage(), "the same (dtype, length) is lent again");
            assertArrayEquals(new float[15], t.toFloatArray(), "a lent storage starts at zero");
            Tensor other = Tensor.zeros(DType.F64, 3, 5);
            assertNotSame(first, other.storage(), "another dtype is another class");
        }
    }

    @Test
    void storagesNoStepTookInTheLastTwoAreForgottenSoChangingShapesDoNotPileUp() {
        Storage ofFive = stepOf(5);
        assertSame(ofFive, storageAfter(5, 40), "one step of another shape in between: still kept");
        assertNotSame(ofFive, storageAfter(5, 40, 40), "two steps that did not take it: forgotten");
        Storage ofNine = stepOf(9);
        assertSame(ofNine, stepOf(9), "a step of the same shapes still reuses them");
    }

    @Test
    void aShorterRequestTakesALongerFreeStorageUpToTwiceItsLengthZeroedWhereItReads() {
        Storage ofTen;
        try (Arena ignored = Arena.open()) {
            Tensor t = Tensor.ones(DType.F32, 10);
            ofTen = t.storage();
        }
        try (Arena ignored = Arena.open()) {
            Tensor t = Tensor.zeros(DType.F32, 2, 3);
            assertSame(ofTen, t.storage(), "6 elements in the free storage of 10");
            assertArrayEquals(new float[6], t.toFloatArray(), "cleared where the tensor reads");
            t.set(4, 1, 2);
            assertEquals(4f, t.get(1, 2));
            assertNotSame(ofTen, Tensor.zeros(DType.F32, 4).storage(), "the storage is lent once");
        }
        try (Arena ignored = Arena.open()) {
            assertNotSame(ofTen, Tensor.zeros(DType.F32, 4).storage(), "10 is more than twice 4: not lent for it");
            assertNotSame(ofTen, Tensor.zeros(DType.F64, 6).storage(), "nor to another dtype");
            assertNotSame(ofTen, Tensor.zeros(DType.F32, ofTen.length() + 1).storage(), "nor to a longer request");
        }
    }

    @Test
    void trainingWhoseShapesChangeEveryStepGivesTheSameBitsInAnArena() {
        List<float[]> plain = trainVarying(false);
        List<float[]> pooled = trainVarying(true);
        for (int i = 0; i < plain.size(); i++) {
            assertArrayEquals(plain.get(i), pooled.get(i), "parameter " + i);
        }
    }

    private static Storage stepOf(int length) {
        try (Arena ignored = Arena.open()) {
            return Tensor.zeros(DType.F32, length).storage();
        }
    }

    /** The storage a step of {@code last} gets after steps of the lengths {@code before}. */
    private static Storage storageAfter(int last, int... before) {
        for (int length : before) {
            stepOf(length);
        }
        return stepOf(last);
    }

    @Test
    void nestedScopesHandBackOnlyAtTheOutermostClose() {
        try (Arena outer = Arena.open()) {
            Storage inner;
            try (Arena nested = Arena.open()) {
                inner = Tensor.zeros(DType.F32, 4).storage();
            }
            Tensor again = Tensor.zeros(DType.F32, 4);
            assertNotSame(inner, again.storage(), "still lent: the outer step is running");
        }
    }

    @Test
    void outsideAllocatesMemoryThatOutlivesTheStep() {
        Storage kept;
        try (Arena ignored = Arena.open()) {
            assertTrue(Arena.isActive());
            kept = Arena.outside(() -> {
                assertFalse(Arena.isActive());
                return Tensor.zeros(DType.F32, 6).storage();
            });
        }
        try (Arena ignored = Arena.open()) {
            assertNotSame(kept, Tensor.zeros(DType.F32, 6).storage());
        }
        assertFalse(Arena.isActive());
    }

    @Test
    void closingWithNoScopeOpenIsAnError() {
        Arena a = Arena.open();
        a.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, a::close);
        assertTrue(e.getMessage().contains("no scope is open"), e.getMessage());
    }

    @Test
    void aStorageReadAfterItsStepShowsNaNUnderPoison() {
        assumeTrue(Boolean.getBoolean("jgrad.arena.poison"), "the suite sets -Djgrad.arena.poison=true (pom.xml)");
        Storage escaped;
        try (Arena ignored = Arena.open()) {
            escaped = Tensor.ones(DType.F32, 2, 2).mul(3).storage();
        }
        assertTrue(Float.isNaN(((Storage.F32) escaped).a[0]), "an escaped storage must not look valid");
    }

    @Test
    void aTensorUsedAfterItsStepFailsSayingWhy() {
        Tensor escaped;
        try (Arena ignored = Arena.open()) {
            escaped = Tensor.ones(DType.F32, 2, 2).mul(3);
        }
        for (org.junit.jupiter.api.function.Executable use : List.<org.junit.jupiter.api.function.Executable>of(
                escaped::toFloatArray, escaped::storage, escaped::dtype, () -> escaped.add(escaped), escaped::sum)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, use);
            assertTrue(e.getMessage().contains("used after the scope closed"), e.getMessage());
        }
    }

    @Test
    void theNextStepLendsTheSameTensorObjectsAgain() {
        Tensor w = Tensor.ones(DType.F32, 3, 3).requiresGrad(true);
        List<Tensor> first = new ArrayList<>();
        List<Tensor> second = new ArrayList<>();
        for (List<Tensor> made : List.of(first, second)) {
            try (Arena ignored = Arena.open()) {
                Tensor h = w.mul(2).relu();
                Tensor loss = h.sum();
                loss.backward();
                made.addAll(List.of(h, loss));
                assertEquals(9.0, loss.item() / 2);
            }
        }
        assertSame(first.get(0), second.get(0));
        assertSame(first.get(1), second.get(1));
        w.zeroGrad();
    }

    @Test
    void tensorsMadeOutsideAScopeOrOutsideItsArenaStayValid() {
        Tensor before = Tensor.ones(DType.F32, 2).mul(5);
        Tensor param = Tensor.ones(DType.F32, 2).requiresGrad(true);
        Tensor kept;
        Tensor wrapped;
        try (Arena ignored = Arena.open()) {
            kept = Arena.outside(() -> before.add(before));
            wrapped = Tensor.of(new float[] {4, 2}, 2);
            param.mul(before).sum().backward();
        }
        try (Arena ignored = Arena.open()) {
            Tensor.ones(DType.F32, 2).mul(7).add(Tensor.ones(DType.F32, 2));  // the next step takes back what it can
        }
        assertArrayEquals(new float[] {5, 5}, before.toFloatArray());
        assertArrayEquals(new float[] {10, 10}, kept.toFloatArray());
        assertArrayEquals(new float[] {4, 2}, wrapped.toFloatArray());
        assertArrayEquals(new float[] {1, 1}, param.toFloatArray());
        assertArrayEquals(new float[] {5, 5}, param.grad().toFloatArray(), "a leaf's gradient outlives the step");
    }

    /** Dense, dropout, a sparse embedding and an LSTM, trained by Adam. */
    static final class Net extends Module {
        final Embedding items;
        final Lstm lstm;
        final Dense hidden;
        final Dropout dropout;
        final Dense out;

        Net(long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            items = child("items", new Embedding(20, 6, DType.F32, rng, jgrad.nn.init.Initializers.uniform(0.1), true));
            lstm = child("lstm", new Lstm(6, 8, false, DType.F32, rng));
            hidden = child("hidden", new Dense(8, 16, Activation.RELU, rng));
            dropout = child("dropout", new Dropout(0.25, seed));
            out = child("out", new Dense(16, 3, Activation.LINEAR, rng));
        }

        Tensor logits(int[] ids, int batch, int steps) {
            Tensor seq = items.lookup(items.parameters(), ids, batch, steps);
            return out.forward(dropout.forward(hidden.forward(lstm.forward(seq))));
        }
    }

    private static List<float[]> train(boolean inArena) {
        Net net = new Net(11);
        Optimizer adam = new Adam(1e-2).bind(net);
        SplittableRandom data = new SplittableRandom(5);
        for (int step = 0; step < 6; step++) {
            int[] ids = new int[4 * 5];
            int[] labels = new int[4];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = data.nextInt(20);
            }
            for (int i = 0; i < labels.length; i++) {
                labels[i] = data.nextInt(3);
            }
            Arena scope = inArena ? Arena.open() : null;
            try {
                adam.zeroGrad();
                Tensor loss = SoftmaxCrossEntropy.of(net.logits(ids, 4, 5), labels);
                loss.backward();
                adam.step();
            } finally {
                if (scope != null) {
                    scope.close();
                }
            }
        }
        List<float[]> params = new ArrayList<>();
        for (Map.Entry<String, Tensor> p : net.parameters().entrySet()) {
            params.add(p.getValue().toFloatArray());
        }
        return params;
    }

    /** As {@link #train}, with 3 to 7 time steps by turns, so that each step's storages are of other lengths. */
    private static List<float[]> trainVarying(boolean inArena) {
        Net net = new Net(12);
        Optimizer adam = new Adam(1e-2).bind(net);
        SplittableRandom data = new SplittableRandom(6);
        int[] lengths = {7, 4, 6, 3, 7, 5, 7, 3};
        for (int steps : lengths) {
            int[] ids = data.ints(4L * steps, 0, 20).toArray();
            int[] labels = data.ints(4, 0, 3).toArray();
            Arena scope = inArena ? Arena.open() : null;
            try {
                adam.zeroGrad();
                SoftmaxCrossEntropy.of(net.logits(ids, 4, steps), labels).backward();
                adam.step();
            } finally {
                if (scope != null) {
                    scope.close();
                }
            }
        }
        List<float[]> params = new ArrayList<>();
        for (Tensor p : net.parameters().values()) {
            params.add(p.toFloatArray());
        }
        return params;
    }

    @Test
    void trainingInAnArenaGivesTheSameBitsAsWithout() {
        List<float[]> plain = train(false);
        List<float[]> pooled = train(true);
        assertEquals(plain.size(), pooled.size());
        for (int i = 0; i < plain.size(); i++) {
            assertArrayEquals(plain.get(i), pooled.get(i), "parameter " + i);
        }
    }

    /**
     * The convolution and pooling kernels take storages the arena does not clear (they overwrite them); under
     * the suite's poison a lent storage holds NaN, so any element they failed to write would show here.
     */
    @Test
    void convolutionStepsInAnArenaGiveTheSameBitsAsWithout() {
        SplittableRandom rng = new SplittableRandom(3);
        Tensor x = Tensor.rand(rng, DType.F32, 0, 1, 4, 1, 12, 12).requiresGrad(true);
        jgrad.nn.conv.Conv2D c1 = new jgrad.nn.conv.Conv2D(1, 4, 3, Activation.RELU, rng);
        jgrad.nn.conv.Conv2D c2 = new jgrad.nn.conv.Conv2D(4, 6, 3, Activation.RELU, rng);
        jgrad.nn.conv.MaxPool2D pool = new jgrad.nn.conv.MaxPool2D(2);
        List<float[]> plain = convStep(x, c1, c2, pool, false);
        for (int step = 0; step < 3; step++) {
            List<float[]> pooled = convStep(x, c1, c2, pool, true);
            for (int i = 0; i < plain.size(); i++) {
                assertArrayEquals(plain.get(i), pooled.get(i), "gradient " + i + " in arena step " + step);
            }
        }
    }

    private static List<float[]> convStep(Tensor x, Module c1, Module c2, jgrad.nn.conv.MaxPool2D pool, boolean arena) {
        x.zeroGrad();
        c1.zeroGrad();
        c2.zeroGrad();
        Arena step = arena ? Arena.open() : null;
        try {
            pool.forward(((jgrad.nn.Layer) c2).forward(pool.forward(((jgrad.nn.Layer) c1).forward(x)))).sum().backward();
        } finally {
            if (step != null) {
                step.close();
            }
        }
        List<float[]> grads = new ArrayList<>();
        for (Module m : List.of(c1, c2)) {
            m.parameters().values().forEach(p -> grads.add(p.grad().toFloatArray()));
        }
        grads.add(x.grad().toFloatArray());
        return grads;
    }
}
