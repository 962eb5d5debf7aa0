package jgrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import jgrad.backend.DType;
import jgrad.tensor.Tensor;

class InPlaceTest {

    @Test
    void addsIntoARegionFromAContiguousATransposedAndAConstantSource() {
        Tensor dst = Tensor.arange(DType.F64, 24).reshape(2, 3, 4);
        Tensor region = dst.narrow(1, 1, 2);                            // [2, 2, 4], rows of 4 apart
        InPlace.add(region, Tensor.arange(DType.F64, 16).reshape(2, 2, 4));
        InPlace.add(region, Tensor.arange(DType.F64, 16).reshape(4, 2, 2).permute(1, 2, 0).detach().mul(0).add(1));
        InPlace.add(region, Tensor.scalar(DType.F64, 100).expand(2, 2, 4));
        double[] expected = Tensor.arange(DType.F64, 24).toDoubleArray();
        for (int b = 0; b < 2; b++) {
            for (int r = 1; r < 3; r++) {
                for (int j = 0; j < 4; j++) {
                    expected[b * 12 + r * 4 + j] += (b * 8 + (r - 1) * 4 + j) + 1 + 100;
                }
            }
        }
        assertArrayEquals(expected, dst.toDoubleArray(), 0);
    }

    @Test
    void aTransposedSourceIsReadInItsOwnOrder() {
        Tensor dst = Tensor.zeros(DType.F64, 3, 2);
        Tensor src = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        InPlace.add(dst, src.t());
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, dst.toDoubleArray(), 0);
    }

    @Test
    void shapesMustAgree() {
        assertThrows(IllegalArgumentException.class, () -> InPlace.add(Tensor.zeros(2, 3), Tensor.zeros(3, 2)));
    }
}
