package jgrad.tensor;

import jgrad.backend.Device;

/** Prints a tensor readably: shape and dtype, then nested rows for small tensors, a summary for large ones. */
final class TensorFormat {

    private static final int MAX_PRINTED = 1000;

    private TensorFormat() {
    }

    static String format(Tensor t) {
        StringBuilder sb = new StringBuilder("Tensor(").append(Shapes.format(t.shape())).append(", ")
                .append(t.dtype());
        if (t.requiresGrad()) {
            sb.append(", requiresGrad");
        }
        sb.append(")");
        if (t.device() != Device.CPU) {
            return sb.append(" on ").append(t.device()).toString();
        }
        if (t.numel() > MAX_PRINTED) {
            return sb.append(" (").append(t.numel()).append(" elements)").toString();
        }
        sb.append('\n');
        appendAxis(sb, t, new int[t.rank()], 0, 0);
        return sb.toString();
    }

    private static void appendAxis(StringBuilder sb, Tensor t, int[] index, int axis, int indent) {
        if (axis == t.rank()) {
            sb.append(number(t.get(index)));
            return;
        }
        sb.append('[');
        for (int i = 0; i < t.shape(axis); i++) {
            index[axis] = i;
            if (i > 0) {
                sb.append(axis == t.rank() - 1 ? ", " : ",\n" + " ".repeat(indent + 1));
            }
            appendAxis(sb, t, index, axis + 1, indent + 1);
        }
        sb.append(']');
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return String.format("%.1f", v);
        }
        return String.format("%.6g", v);
    }
}
