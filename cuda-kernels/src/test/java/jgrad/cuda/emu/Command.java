package jgrad.cuda.emu;

import jgrad.backend.DType;
import jgrad.backend.Storage;

/** One line of the kernel driver's input: kernel, dtype, launch shape, then its arguments. */
final class Command {

    private final StringBuilder line = new StringBuilder();

    private Command(String kernel, DType dtype, int grid, int block) {
        line.append(kernel).append(dtype == DType.F32 ? " f32 " : " f64 ").append(grid).append(' ').append(block);
    }

    static Command of(String kernel, DType dtype, int grid, int block) {
        return new Command(kernel, dtype, grid, block);
    }

    Command ints(int... values) {
        for (int v : values) {
            line.append(' ').append(v);
        }
        return this;
    }

    /** 64-bit integers in decimal; the kernels read their bits as unsigned. */
    Command longs(long... values) {
        for (long v : values) {
            line.append(' ').append(v);
        }
        return this;
    }

    Command real(double v) {
        line.append(' ').append(Double.toHexString(v));
        return this;
    }

    Command intArray(int[] values) {
        return ints(values.length).ints(values);
    }

    Command array(Storage s) {
        line.append(' ').append(s.length());
        for (int i = 0; i < s.length(); i++) {
            real(s.get(i));
        }
        return this;
    }

    @Override
    public String toString() {
        return line + "\n";
    }
}
