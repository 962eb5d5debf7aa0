package jgrad.tensor;

import jgrad.backend.DType;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class TensorTest {

    /**
     * A column spread along the last axis (the gradient of a sum over it) combined with a tensor of the same shape,
     * on either side and for ops that are not symmetric: the same numbers as with the column copied out first.
     */
    @Test
    void aSpreadColumnCombinesLikeItsCopy() {
        SplittableRandom rnd = new SplittableRandom(3);
        Tensor column = Tensor.randn(rnd, DType.F64, 0, 1, 3, 4, 1);
        Tensor spread = column.expand(3, 4, 5);
        Tensor copy = spread.contiguous();
        Tensor other = Tensor.randn(rnd, DType.F64, 0, 1, 3, 4, 5);
        assertArrayEquals(copy.mul(other).toDoubleArray(), spread.mul(other).toDoubleArray(), 0);
        assertArrayEquals(other.sub(copy).toDoubleArray(), other.sub(spread).toDoubleArray(), 0);
        assertArrayEquals(copy.div(other).toDoubleArray(), spread.div(other).toDoubleArray(), 0);
        assertArrayEquals(copy.add(copy).toDoubleArray(), spread.add(spread).toDoubleArray(), 0);
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);
        Tensor twoRows = Tensor.of(new double[] {10, 100}, 2, 1).expand(2, 2);
        assertArrayEquals(new double[] {10, 20, 300, 400}, x.mul(twoRows).toDoubleArray(), 0);
        // a column cut from a matrix (its inner stride is the row length) and a transposed view: read by copy
        Tensor m = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 3, 2);
        assertArrayEquals(new double[] {4, 16, 36}, m.narrow(1, 1, 1).mul(m.narrow(1, 0, 1).add(1)).toDoubleArray(), 0);
        Tensor t = m.permute(1, 0);
        assertArrayEquals(new double[] {2, 6, 10, 4, 8, 12}, t.add(t).toDoubleArray(), 0);
    }

    @Test
    void creation() {
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0}, Tensor.zeros(2, 3).toFloatArray());
        assertArrayEquals(new double[] {2.5, 2.5}, Tensor.full(DType.F64, 2.5, 2).toDoubleArray());
        assertArrayEquals(new double[] {0, 1, 2, 3}, Tensor.arange(DType.F64, 4).toDoubleArray());
        assertEquals(DType.F32, Tensor.ones(3).dtype());
        Tensor m = Tensor.of(new float[][] {{1, 2}, {3, 4}, {5, 6}});
        assertArrayEquals(new int[] {3, 2}, m.shape());
        assertEquals(6, m.get(2, 1));
        assertEquals(7, Tensor.scalar(DType.F32, 7).item());
    }

    @Test
    void randomTensorsAreReproducibleFromTheSeed() {
        Tensor a = Tensor.randn(new SplittableRandom(3), 4, 5);
        Tensor b = Tensor.randn(new SplittableRandom(3), 4, 5);
        assertArrayEquals(a.toFloatArray(), b.toFloatArray());
        Tensor u = Tensor.rand(new SplittableRandom(3), DType.F64, -1, 1, 1000);
        for (double v : u.toDoubleArray()) {
            assertTrue(v >= -1 && v < 1);
        }
    }

    @Test
    void viewsShareStorage() {
        Tensor x = Tensor.arange(DType.F64, 12).reshape(3, 4);
        Tensor t = x.t();
        assertSame(x.storage(), t.storage());
        assertFalse(t.isContiguous());
        assertEquals(x.get(1, 2), t.get(2, 1));
        Tensor n = x.narrow(1, 1, 2);
        assertArrayEquals(new double[] {1, 2, 5, 6, 9, 10}, n.toDoubleArray());
        Tensor e = Tensor.of(new double[] {1, 2}, 2, 1).expand(2, 3);
        assertArrayEquals(new double[] {1, 1, 1, 2, 2, 2}, e.toDoubleArray());
        Tensor p = Tensor.arange(DType.F64, 24).reshape(2, 3, 4).permute(2, 0, 1);
        assertArrayEquals(new int[] {4, 2, 3}, p.shape());
        assertEquals(13, p.get(1, 1, 0));
        assertArrayEquals(new double[] {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}, x.t().reshape(-1).toDoubleArray());
    }

    @Test
    void handComputedValues() {
        Tensor a = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor b = Tensor.of(new double[] {10, 20, 30}, 3);
        assertArrayEquals(new double[] {11, 22, 33, 14, 25, 36}, a.add(b).toDoubleArray());
        assertArrayEquals(new double[] {5, 7, 9}, a.sum(0, false).toDoubleArray());
        assertArrayEquals(new double[] {2, 5}, a.mean(1, false).toDoubleArray());
        assertArrayEquals(new double[] {3, 6}, a.max(1, false).toDoubleArray());
        assertArrayEquals(new double[] {14, 32, 32, 77}, a.matmul(a, false, true).toDoubleArray());
        Tensor s = Tensor.of(new double[] {0, Math.log(3)}, 2).softmax(0);
        assertArrayEquals(new double[] {0.25, 0.75}, s.toDoubleArray(), 1e-15);
        Tensor big = Tensor.of(new double[] {1000, 1000}, 2);
        assertArrayEquals(new double[] {-Math.log(2), -Math.log(2)}, big.logSoftmax(0).toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {-1, 0.5, 1}, Tensor.of(new double[] {-3, 0.5, 9}, 3).clamp(-1, 1).toDoubleArray());
        Tensor c = Tensor.concat(0, Tensor.ones(DType.F64, 1, 2), Tensor.zeros(DType.F64, 1, 2));
        assertArrayEquals(new double[] {1, 1, 0, 0}, c.toDoubleArray());
        Tensor table = Tensor.arange(DType.F64, 6).reshape(3, 2);
        assertArrayEquals(new double[] {4, 5, 0, 1, 4, 5}, table.gatherRows(new int[] {2, 0, 2}).toDoubleArray());
        Tensor filled = Tensor.zeros(DType.F64, 3).maskedFill(Tensor.of(new double[] {0, 1, 0}, 3),
                Double.NEGATIVE_INFINITY);
        assertEquals(Double.NEGATIVE_INFINITY, filled.get(1));
        assertEquals(0, filled.get(0));
        assertEquals(1.0 / (1 + Math.exp(100)), Tensor.of(new double[] {-100}, 1).sigmoid().get(0), 1e-50);
    }

    @Test
    void badInputNamesTheProblem() {
        Tensor a = Tensor.zeros(2, 3);
        var shapes = assertThrows(IllegalArgumentException.class, () -> a.add(Tensor.zeros(4)));
        assertTrue(shapes.getMessage().contains("add") && shapes.getMessage().contains("[2, 3]")
                && shapes.getMessage().contains("[4]"), shapes.getMessage());
        var mm = assertThrows(IllegalArgumentException.class, () -> a.matmul(Tensor.zeros(2, 3)));
        assertTrue(mm.getMessage().contains("matmul") && mm.getMessage().contains("[2, 3]"), mm.getMessage());
        var dtypes = assertThrows(IllegalArgumentException.class, () -> a.add(Tensor.zeros(DType.F64, 2, 3)));
        assertTrue(dtypes.getMessage().contains("F32") && dtypes.getMessage().contains("F64"), dtypes.getMessage());
        var index = assertThrows(IndexOutOfBoundsException.class, () -> a.get(1, 3));
        assertTrue(index.getMessage().contains("3") && index.getMessage().contains("size 3"), index.getMessage());
        var id = assertThrows(IndexOutOfBoundsException.class, () -> a.gatherRows(new int[] {0, 5}));
        assertTrue(id.getMessage().contains("position 1 is beyond the table") && id.getMessage().contains("2 rows")
                && !id.getMessage().contains("5"), id.getMessage());
        assertThrows(IllegalArgumentException.class, () -> a.reshape(4, 2));
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[5], 2, 3));
    }

    @Test
    void printsASmallMatrixReadably() {
        String s = Tensor.of(new float[][] {{1, 2}, {3, 4.5f}}).toString();
        assertEquals("Tensor([2, 2], F32)\n[[1.0, 2.0],\n [3.0, 4.50000]]", s);
    }

    @Test
    void degenerateSizes() {
        Tensor empty = Tensor.zeros(DType.F64, 0, 3);
        assertEquals(0, empty.sum().item());
        assertArrayEquals(new int[] {0, 5}, empty.matmul(Tensor.zeros(DType.F64, 3, 5)).shape());
        Tensor k0 = Tensor.ones(DType.F64, 2, 0).matmul(Tensor.ones(DType.F64, 0, 2));
        assertArrayEquals(new double[] {0, 0, 0, 0}, k0.toDoubleArray());
        assertArrayEquals(new int[] {3}, empty.sum(0, false).shape());
    }

    @Test
    void copyFromWritesInPlaceFromAView() {
        Tensor dst = Tensor.zeros(DType.F64, 2, 3);
        Tensor src = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 3, 2).transpose(0, 1);   // [[1,3,5],[2,4,6]]
        dst.copyFrom(src);
        assertArrayEquals(new double[] {1, 3, 5, 2, 4, 6}, dst.toDoubleArray(), 0);
    }

    @Test
    void copyFromNamesWhatDoesNotFit() {
        Tensor dst = Tensor.zeros(DType.F32, 2, 3);
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> dst.copyFrom(Tensor.zeros(DType.F32, 3, 2)));
        assertTrue(shape.getMessage().contains("[3, 2]") && shape.getMessage().contains("[2, 3]"), shape.getMessage());
        assertThrows(IllegalArgumentException.class, () -> dst.copyFrom(Tensor.zeros(DType.F64, 2, 3)));
        IllegalArgumentException view = assertThrows(IllegalArgumentException.class,
                () -> dst.transpose(0, 1).copyFrom(Tensor.zeros(DType.F32, 3, 2)));
        assertTrue(view.getMessage().contains("non-contiguous"), view.getMessage());
    }
}
