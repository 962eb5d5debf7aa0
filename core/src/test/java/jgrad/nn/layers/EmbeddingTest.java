package jgrad.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.autograd.RowGrad;
import jgrad.nn.LayerGradCheck;
import jgrad.nn.init.Initializers;
import jgrad.backend.DType;
import jgrad.tensor.Tensor;

class EmbeddingTest {

    private final SplittableRandom rng = new SplittableRandom(2);

    @Test
    void gradientOfTheTable() {
        Embedding e = new Embedding(5, 3, DType.F64, rng, Initializers.uniform(1), false);
        Tensor ids = Tensor.of(new double[] {4, 0, 4, 2, 1, 4}, 2, 3);
        double worst = LayerGradCheck.check("Embedding", e.parameters(), List.of(), (w, in) -> e.forward(w, ids));
        System.out.println("Embedding grad check worst error " + worst);
    }

    @Test
    void columnIOfTheArticlesMatrixIsIdI() {
        // W_emb [d=2, N=3]: columns (1, 4), (2, 5), (3, 6)
        Tensor columns = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Embedding e = Embedding.fromColumns(columns, true);
        assertArrayEquals(new double[] {3, 6, 1, 4}, e.forward(Tensor.of(new double[] {2, 0}, 2)).toDoubleArray());
        assertArrayEquals(columns.toDoubleArray(), e.columns().toDoubleArray());
        // the article's product W_emb x with a one-hot x gives the same vector
        Tensor oneHot = Tensor.of(new double[] {0, 1, 0}, 3, 1);
        assertArrayEquals(columns.matmul(oneHot).toDoubleArray(), e.forward(Tensor.of(new double[] {1}, 1)).toDoubleArray());
    }

    @Test
    void gradientTouchesOnlyTheLookedUpRows() {
        Embedding e = new Embedding(1000, 4, DType.F64, rng, Initializers.uniform(0.05), true);
        Tensor y = e.forward(Tensor.of(new double[] {7, 3, 7}, 3));
        y.mul(Tensor.arange(DType.F64, 4).add(1)).sum().backward();
        Tensor table = e.parameters().get("W_emb");
        assertNull(table.grad());
        RowGrad g = table.rowGrad();
        assertArrayEquals(new int[] {3, 7}, g.ids());
        assertArrayEquals(new double[] {1, 2, 3, 4, 2, 4, 6, 8}, g.rows().toDoubleArray());
    }

    /** dotRows scores each row against its own id: by hand, and its row-sparse gradient as the dense one of the composition. */
    @Test
    void dotRowsIsTheProductWithTheLookedUpRows() {
        Embedding e = new Embedding(6, 2, DType.F64, rng, Initializers.uniform(0.05), true);
        Tensor table = e.parameters().get("W_emb");
        table.copyFrom(Tensor.of(new double[] {0, 0, 1, 2, 3, -1, 0, 0, 0, 0, 0.5, 4}, 6, 2));
        Tensor h = Tensor.of(new double[] {2, 0.5, -1, 4, 1, 1}, 3, 2).requiresGrad(true);
        int[] ids = {2, 1, 2};
        Tensor s = e.dotRows(e.parameters(), h, ids);
        assertArrayEquals(new double[] {5.5, 7, 2}, s.toDoubleArray());
        s.mul(Tensor.of(new double[] {1, 2, 3}, 3)).sum().backward();
        assertArrayEquals(new double[] {3, -1, 2, 4, 9, -3}, h.grad().toDoubleArray());     // g[r] · v_{ids[r]}
        RowGrad g = table.rowGrad();
        assertArrayEquals(new int[] {1, 2}, g.ids());
        assertArrayEquals(new double[] {-2, 8, 5, 3.5}, g.rows().toDoubleArray());          // Σ g[r] · h[r] per id
        var ex = assertThrows(IndexOutOfBoundsException.class, () -> e.dotRows(e.parameters(), h, new int[] {0, 6, 1}));
        assertTrue(ex.getMessage().contains("position 1") && ex.getMessage().contains("beyond the table"), ex.getMessage());
    }

    /** gatherDot's bad inputs: rows of another width than the table's, ids that do not count the rows, dtypes that differ. */
    @Test
    void gatherDotNamesShapesIdsAndDtypesThatDoNotFit() {
        Tensor table = Tensor.zeros(DType.F32, 6, 4);
        var width = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(DType.F32, 2, 3).gatherDot(table, new int[] {0, 1}));
        assertTrue(width.getMessage().contains("gatherDot") && width.getMessage().contains("[2, 3]")
                && width.getMessage().contains("[6, 4]"), width.getMessage());
        var count = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(DType.F32, 2, 4).gatherDot(table, new int[] {0, 1, 2}));
        assertTrue(count.getMessage().contains("3 ids for 2 rows"), count.getMessage());
        var dtype = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(DType.F64, 2, 4).gatherDot(table, new int[] {0, 1}));
        assertTrue(dtype.getMessage().contains("F64") && dtype.getMessage().contains("F32"), dtype.getMessage());
        var id = assertThrows(IndexOutOfBoundsException.class,
                () -> Tensor.zeros(DType.F32, 2, 4).gatherDot(table, new int[] {0, -3}));
        assertTrue(id.getMessage().contains("position 1 is negative") && !id.getMessage().contains("-3"), id.getMessage());
    }

    /** The position and the range, never the id itself (a user's row): issue 18's "raw ids never in messages". */
    @Test
    void anIdOutsideTheTableIsNamedByPositionAndRangeNotByValue() {
        Embedding e = new Embedding(10, 4, rng);
        var ex = assertThrows(IndexOutOfBoundsException.class, () -> e.forward(Tensor.of(new float[] {3, 4711}, 2)));
        assertTrue(ex.getMessage().contains("position 1") && ex.getMessage().contains("beyond the table")
                && ex.getMessage().contains("10 ids [0, 10)") && !ex.getMessage().contains("4711"), ex.getMessage());
        var negative = assertThrows(IndexOutOfBoundsException.class, () -> e.forward(Tensor.of(new float[] {-4711}, 1)));
        assertTrue(negative.getMessage().contains("position 0 is negative") && !negative.getMessage().contains("4711"),
                negative.getMessage());
        var ex2 = assertThrows(IllegalArgumentException.class, () -> e.forward(Tensor.of(new float[] {1.5f}, 1)));
        assertTrue(ex2.getMessage().contains("position 0") && !ex2.getMessage().contains("1.5"), ex2.getMessage());
        var gather = assertThrows(IndexOutOfBoundsException.class,
                () -> Tensor.zeros(jgrad.backend.DType.F32, 10, 4).gatherRows(new int[] {2, 4711}, 2));
        assertTrue(gather.getMessage().contains("position 1") && !gather.getMessage().contains("4711"), gather.getMessage());
    }
}
