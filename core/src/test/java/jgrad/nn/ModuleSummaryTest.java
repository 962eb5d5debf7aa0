package jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import jgrad.nn.layers.Dense;
import jgrad.nn.layers.Dropout;
import jgrad.recsys.DotRecommender;
import jgrad.backend.DType;
import jgrad.train.Sequential;

class ModuleSummaryTest {

    @Test
    void aSequentialListsItsLayersCountsAndBytes() {
        SplittableRandom rng = new SplittableRandom(1);
        Sequential mlp = new Sequential(new Dense(784, 128, Activation.RELU, rng), new Dropout(0.2, rng),
                new Dense(128, 10, Activation.LINEAR, rng));
        // 128·784 + 128 = 100,480; 10·128 + 10 = 1,290; 101,770 floats of 4 bytes = 397.5390625 KiB
        assertEquals(List.of(
                "part  type     parameters               count",
                "0     Dense    W [128, 784], b [128]  100,480",
                "1     Dropout  -                            0",
                "2     Dense    W [10, 128], b [10]      1,290",
                "total 101,770 parameters, 397.5 KiB (F32)"), mlp.summary().lines().toList());
    }

    @Test
    void aRecommenderListsItsTablesAndF64Bytes() {
        DotRecommender model = new DotRecommender(943, 1682, 32, DType.F64, new SplittableRandom(2));
        // (943 + 1682)·32 + 1 + 1 = 84,002 doubles of 8 bytes = 656.265625 KiB
        assertEquals(List.of(
                "part  type       parameters         count",
                "user  Embedding  W_emb [943, 32]   30,176",
                "item  Embedding  W_emb [1682, 32]  53,824",
                "out   Dense      W [1, 1], b [1]        2",
                "total 84,002 parameters, 656.3 KiB (F64)"), model.summary().lines().toList());
    }

    @Test
    void aModuleWithoutPartsSummarizesItsOwnParameters() {
        Dense dense = new Dense(3, 2, Activation.LINEAR, new SplittableRandom(3));
        assertEquals(List.of(
                "part   type   parameters       count",
                "(own)  Dense  W [2, 3], b [2]      8",
                "total 8 parameters, 0.0 KiB (F32)"), dense.summary().lines().toList());
    }
}
