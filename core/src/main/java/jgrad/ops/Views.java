package jgrad.ops;

import java.util.Arrays;

import jgrad.autograd.InPlace;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * Operations that rearrange elements without arithmetic: copies, reshape, permute, narrow, expand.
 * Most return views that share storage; each records a backward that routes the gradient back
 * to the input's layout.
 */
public final class Views {

    private Views() {
    }

    /** A contiguous copy; the gradient passes through unchanged. */
    public static Tensor copy(Tensor x) {
        Tensor out = Tensor.zerosLike(x);
        x.writeInto(out.storage(), 0);
        return out.recordedBy("copy", (r, g) -> r.gradients(g), x, null);
    }

    public static Tensor reshape(Tensor x, int[] newShape) {
        int[] shape = inferShape(x, newShape);
        Tensor c = x.contiguous();
        Tensor out = Tensor.rowMajorView(c.storage(), c.offset(), shape);
        return out.recordedBy("reshape", (r, g) -> r.gradients(g.reshapeAs(r.input(0))), c, null);
    }

    /** newShape itself when it has no −1 (it is only read: the view shares the table's copy), else a filled-in copy. */
    private static int[] inferShape(Tensor x, int[] newShape) {
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < newShape.length; i++) {
            if (newShape[i] == -1) {
                if (inferred >= 0) {
                    throw new IllegalArgumentException("reshape: more than one -1 in " + Shapes.format(newShape));
                }
                inferred = i;
            } else {
                known *= newShape[i];
            }
        }
        int[] shape = inferred < 0 ? newShape : newShape.clone();
        if (inferred >= 0 && known > 0 && x.numel() % known == 0) {
            shape[inferred] = (int) (x.numel() / known);
        }
        if (inferred >= 0 && shape[inferred] == -1 || Shapes.numel(shape) != x.numel()) {
            throw new IllegalArgumentException("reshape: cannot view shape " + Shapes.format(x.shape()) + " ("
                    + x.numel() + " elements) as " + Shapes.format(newShape));
        }
        return shape;
    }

    public static Tensor permute(Tensor x, int[] axes) {
        int rank = x.rank();
        if (axes.length != rank) {
            throw new IllegalArgumentException("permute: " + Arrays.toString(axes) + " is not a permutation of the "
                    + rank + " axes of shape " + Shapes.format(x.shape()));
        }
        int[] shape = new int[rank];
        int[] strides = new int[rank];
        int[] inverse = new int[rank];
        boolean[] used = new boolean[rank];
        int[] xShape = x.shape();       // shape() and strides() hand out copies: read them once
        int[] xStrides = x.strides();
        for (int i = 0; i < rank; i++) {
            int a = Shapes.axis("permute", axes[i], rank);
            if (used[a]) {
                throw new IllegalArgumentException("permute: axis " + a + " repeated in " + Arrays.toString(axes));
            }
            used[a] = true;
            shape[i] = xShape[a];
            strides[i] = xStrides[a];
            inverse[a] = i;
        }
        Tensor out = Tensor.view(x.storage(), shape, strides, x.offset());
        return out.recordedAs("permute", g -> new Tensor[] {g.permute(inverse)}, x);
    }

    public static Tensor transpose(Tensor x, int axis0, int axis1) {
        int[] axes = new int[x.rank()];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i;
        }
        int a = Shapes.axis("transpose", axis0, x.rank());
        int b = Shapes.axis("transpose", axis1, x.rank());
        axes[a] = b;
        axes[b] = a;
        return permute(x, axes);
    }

    public static Tensor narrow(Tensor x, int axis, int start, int length) {
        int a = Shapes.axis("narrow", axis, x.rank());
        int size = x.shape(a);
        if (start < 0 || length < 0 || start + length > size) {
            throw new IndexOutOfBoundsException("narrow: [" + start + ", " + (start + length) + ") is out of range "
                    + "for axis " + a + " of size " + size + " (shape " + Shapes.format(x.shape()) + ")");
        }
        int[] shape = x.shape();
        shape[a] = length;
        Tensor out = x.withShape(shape, x.offset() + start * x.stride(a));
        if (!x.requiresGrad() && !jgrad.autograd.Autograd.detectingAnomalies()) {
            return out;         // nothing to record (a backward's narrow): no rule object to make
        }
        return out.recordedAsView("narrow", (g, grad) -> InPlace.add(grad.narrow(a, start, length), g), x);
    }

    public static Tensor expand(Tensor x, int[] newShape) {
        int rank = newShape.length;
        int lead = rank - x.rank();
        if (lead < 0) {
            throw new IllegalArgumentException("expand: cannot expand shape " + Shapes.format(x.shape())
                    + " to fewer axes " + Shapes.format(newShape));
        }
        int[] strides = new int[rank];
        for (int i = 0; i < rank; i++) {
            int size = i < lead ? 1 : x.shape(i - lead);
            if (size != newShape[i] && size != 1) {
                throw new IllegalArgumentException("expand: axis " + i + " of shape " + Shapes.format(x.shape())
                        + " has size " + size + ", which cannot expand to " + newShape[i]);
            }
            strides[i] = i < lead || size != newShape[i] ? 0 : x.stride(i - lead);
        }
        Tensor out = Tensor.view(x.storage(), newShape, strides, x.offset());
        return out.recordedBy("expand", (r, g) -> r.gradients(Reductions.sumToShapeOf(g, r.input(0))), x, null);
    }

    public static Tensor unsqueeze(Tensor x, int axis) {
        int a = Shapes.axis("unsqueeze", axis, x.rank() + 1);
        int[] shape = new int[x.rank() + 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            shape[i] = i == a ? 1 : x.shape()[j++];
        }
        return reshape(x, shape);
    }

    public static Tensor squeeze(Tensor x, int axis) {
        int a = Shapes.axis("squeeze", axis, x.rank());
        if (x.shape(a) != 1) {
            throw new IllegalArgumentException("squeeze: axis " + a + " of shape " + Shapes.format(x.shape())
                    + " has size " + x.shape(a) + ", not 1");
        }
        int[] shape = new int[x.rank() - 1];
        for (int i = 0, j = 0; i < x.rank(); i++) {
            if (i != a) {
                shape[j++] = x.shape()[i];
            }
        }
        return reshape(x, shape);
    }
}
