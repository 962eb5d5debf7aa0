package jgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

import jgrad.backend.Storage;

class ShapeTableTest {

    @Test
    void equalContentsGiveOneSharedCopyThatTheCallerCannotChange() {
        int[] asked = {3, 141, 59};
        int[] shared = ShapeTable.intern(asked);
        assertNotSame(asked, shared, "the caller's array is not kept");
        assertSame(shared, ShapeTable.intern(new int[] {3, 141, 59}));
        asked[0] = 7;
        assertArrayEquals(new int[] {3, 141, 59}, shared);
        assertNotSame(shared, ShapeTable.intern(new int[] {3, 141, 60}));
        assertEquals(0, ShapeTable.intern(new int[0]).length);
    }

    @Test
    void rowMajorStridesAreTheShapesOwnAndShared() {
        assertArrayEquals(new int[] {20, 5, 1}, ShapeTable.rowMajorStrides(new int[] {4, 4, 5}));
        assertArrayEquals(new int[] {5, 5, 1}, ShapeTable.rowMajorStrides(new int[] {2, 1, 5}), "a size-1 axis steps by 5");
        assertArrayEquals(new int[] {1, 1}, ShapeTable.rowMajorStrides(new int[] {3, 0}), "an empty axis counts as 1");
        assertSame(ShapeTable.rowMajorStrides(new int[] {4, 4, 5}), ShapeTable.rowMajorStrides(new int[] {4, 4, 5}));
    }

    @Test
    void tensorsOfOneShapeStayIndependentValues() {
        int[] shape = {2, 3};
        Tensor a = Tensor.zeros(shape);
        Tensor b = Tensor.rowMajorView(new Storage.F32(new float[8]), 2, shape);
        shape[1] = 4;
        int[] handedOut = a.shape();
        handedOut[0] = 9;
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(new int[] {2, 3}, b.shape());
        assertArrayEquals(new int[] {3, 1}, b.strides());
        assertEquals(2, b.offset());
        b.set(5, 1, 2);
        assertEquals(5f, ((Storage.F32) b.storage()).a[2 + 5]);
    }
}
