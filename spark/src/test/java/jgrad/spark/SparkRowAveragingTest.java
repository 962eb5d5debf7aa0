package jgrad.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/**
 * Parameter averaging of embeddings: a row is averaged over the partitions that looked it up, by their shares
 * (hand-computed); dense parameters and rows nobody looked up take the plain weighted average. Sums are made in
 * place.
 */
class SparkRowAveragingTest {

    /** A partition's part: weights w (a 3×2 table and a dense vector of 2) with share s, rows looked up marked. */
    private static Part part(float[] table, float[] dense, float s, boolean... looked) {
        float[] shares = new float[looked.length];
        for (int r = 0; r < looked.length; r++) {
            shares[r] = looked[r] ? s : 0f;
        }
        float[][] values = {table, dense};
        float[][] rowShares = {shares, null};
        return new Part(Flat.scaled(values, s), Flat.scaledRows(values, rowShares), rowShares, 1, 1);
    }

    @Test
    void aRowIsTheAverageOfThePartitionsThatLookedItUp() {
        // partition 0 (share 1/4) looked up rows 0 and 1, partition 1 (share 3/4) rows 0 only; nobody row 2
        Part a = part(new float[] {1, 2, 10, 20, 100, 200}, new float[] {4, 8}, 0.25f, true, true, false);
        Part b = part(new float[] {5, 6, 30, 40, 300, 400}, new float[] {8, 4}, 0.75f, true, false, false);

        float[][] averaged = Part.plus(a, b).averagedByRows();

        assertArrayEquals(new float[] {
                0.25f * 1 + 0.75f * 5, 0.25f * 2 + 0.75f * 6,   // both: the weighted average
                10, 20,                                         // partition 0 alone: its row, undiluted
                0.25f * 100 + 0.75f * 300, 0.25f * 200 + 0.75f * 400}, averaged[0], 1e-5f);  // nobody: plain average
        assertArrayEquals(new float[] {7, 5}, averaged[1], 1e-6f);
    }

    @Test
    void onePartitionGetsItsOwnWeightsBack() {
        float[] table = {0.1f, -0.3f, 0.7f, 1e-8f, 3.3f, -2f};
        Part only = part(table.clone(), new float[] {0.2f, 0.4f}, 1f, true, false, true);
        assertArrayEquals(table, only.averagedByRows()[0], 0f);
    }

    @Test
    void sumsAreMadeInTheFirstPartsArrays() {
        float[] x = {1, 2, 3};
        float[][] a = {x, null};
        float[][] sum = Flat.addInto(a, new float[][] {{10, 20, 30}, {5}});
        assertSame(a, sum);
        assertSame(x, sum[0]);
        assertArrayEquals(new float[] {11, 22, 33}, x);
        assertArrayEquals(new float[] {5}, sum[1]);
    }
}
