package jgrad.data.prep;

/** One-hot encoding of ids: row i of the row-major {@code n × width} result has a single 1 in column ids[i]. */
public final class OneHot {

    private OneHot() {
    }

    public static float[] encode(int[] ids, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be positive, got " + width);
        }
        float[] out = new float[Math.multiplyExact(ids.length, width)];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= width) {
                throw new IllegalArgumentException("id " + ids[i] + " at row " + i + " out of range [0, " + width + ")");
            }
            out[i * width + ids[i]] = 1;
        }
        return out;
    }
}
