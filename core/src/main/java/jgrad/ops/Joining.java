package jgrad.ops;

import java.util.Arrays;

import jgrad.backend.Backend;
import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/** concat, stack and split. The backward of a concat is a split of the gradient, and vice versa. */
public final class Joining {

    private static final int[] UNIT_STRIDE = {1};

    private Joining() {
    }

    /** Joins tensors along an existing axis; all other sizes must agree. */
    public static Tensor concat(int axis, Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("concat: needs at least one tensor");
        }
        int a = Shapes.axis("concat", axis, parts[0].rank());
        int total = 0;
        for (Tensor p : parts) {
            Broadcast.checkCompatible("concat", parts[0], p);
            checkSameOffAxis(parts[0], p, a);
            total += p.shape(a);
        }
        Tensor out = joined(parts[0], a, total);
        int outer = 1;
        int inner = 1;
        for (int d = 0; d < out.rank(); d++) {
            outer *= d < a ? out.shape(d) : 1;
            inner *= d > a ? out.shape(d) : 1;
        }
        Backend backend = out.backend();
        int[] sizes = new int[parts.length];
        int start = 0;
        for (int i = 0; i < parts.length; i++) {
            Tensor p = parts[i].contiguous();
            sizes[i] = p.shape(a);
            int block = sizes[i] * inner;
            int[] blockShape = Shapes.vector(block);     // shared: a batch concat copies one block per row
            for (int o = 0; o < outer && block > 0; o++) {
                backend.copy(blockShape, p.storage(), p.offset() + o * block, UNIT_STRIDE,
                        out.storage(), (o * total + start) * inner);
            }
            start += sizes[i];
        }
        if (parts.length == 2) {    // the usual pair ([user ; item]): a rule that captures nothing
            return out.recordedBy("concat", (r, g) -> {
                int ax = r.flags();
                int first = r.input(0).shape(ax);
                return r.gradients(g.narrow(ax, 0, first), g.narrow(ax, first, r.input(1).shape(ax)));
            }, false, parts[0], parts[1], a, 0, null);
        }
        return out.recordedAs("concat", g -> split(g, a, sizes), parts);
    }

    /** p has first's size on every axis but a, or an error names both shapes. */
    private static void checkSameOffAxis(Tensor first, Tensor p, int a) {
        boolean same = p.rank() == first.rank();
        for (int d = 0; same && d < p.rank(); d++) {
            same = d == a || p.shape(d) == first.shape(d);
        }
        if (!same) {
            throw new IllegalArgumentException("concat along axis " + a + ": shapes " + Shapes.format(first.shape())
                    + " and " + Shapes.format(p.shape()) + " differ on another axis");
        }
    }

    /** Zeros of first's shape with {@code total} along axis a (a matrix without a shape array). */
    private static Tensor joined(Tensor first, int a, int total) {
        if (first.rank() == 2) {
            return Tensor.zeros(first.device(), first.dtype(), a == 0 ? total : first.shape(0),
                    a == 1 ? total : first.shape(1));
        }
        int[] shape = first.shape();
        shape[a] = total;
        return Tensor.zeros(first.device(), first.dtype(), shape);
    }

    /** Joins tensors of one shape along a new axis. */
    public static Tensor stack(int axis, Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("stack: needs at least one tensor");
        }
        int a = Shapes.axis("stack", axis, parts[0].rank() + 1);
        Tensor[] expanded = new Tensor[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!Arrays.equals(parts[i].shape(), parts[0].shape())) {
                throw new IllegalArgumentException("stack: shapes " + Shapes.format(parts[0].shape()) + " and "
                        + Shapes.format(parts[i].shape()) + " differ");
            }
            expanded[i] = parts[i].unsqueeze(a);
        }
        return concat(a, expanded);
    }

    /** Cuts a tensor along an axis into pieces of the given sizes (views); the sizes must add up. */
    public static Tensor[] split(Tensor x, int axis, int... sizes) {
        int a = Shapes.axis("split", axis, x.rank());
        int sum = 0;
        for (int s : sizes) {
            if (s < 0) {
                throw new IllegalArgumentException("split: negative size in " + Arrays.toString(sizes));
            }
            sum += s;
        }
        if (sum != x.shape(a)) {
            throw new IllegalArgumentException("split: sizes " + Arrays.toString(sizes) + " add up to " + sum
                    + ", but axis " + a + " of shape " + Shapes.format(x.shape()) + " has " + x.shape(a));
        }
        Tensor[] pieces = new Tensor[sizes.length];
        int start = 0;
        for (int i = 0; i < sizes.length; i++) {
            pieces[i] = x.narrow(a, start, sizes[i]);
            start += sizes[i];
        }
        return pieces;
    }
}
