package jgrad.random;

import java.util.random.RandomGenerator;

/**
 * A seeded, streaming {@link RandomGenerator} over Philox-4x32-10 blocks: the same (seed, stream)
 * gives the same sequence on every JVM, whatever it is used for.
 *
 * <p>The generator emits 32-bit words w₀, w₁, w₂, …; words 4b … 4b+3 are the block
 * <pre>
 *   Philox(counter = (lo32(b), hi32(b), lo32(stream), hi32(stream)), key = (lo32(seed), hi32(seed)))
 * </pre>
 * for b = 0, 1, 2, … (seed, stream and b read as unsigned 64-bit integers). On top of the words:
 * <ul>
 * <li>{@code nextInt()} = the next word;
 * <li>{@code nextLong()} = the next two words w, w′ as w · 2³² + w′ (the first is the upper half);
 * <li>{@code nextFloat()} = (nextInt() >>> 8) · 2⁻²⁴ and {@code nextDouble()} = (nextLong() >>> 11) · 2⁻⁵³;
 * <li>{@code nextGaussian()} = the Box–Muller normal of {@link Philox#gaussian} computed from the next
 *     four words.
 * </ul>
 * Every other draw ({@code nextInt(bound)}, {@code nextDouble(lo, hi)}, …) is
 * {@link RandomGenerator}'s default on top of these. Stream 0 walks the blocks of Philox's stateless
 * draws, so right after a multiple of four words, at block b, nextFloat(), nextDouble() and
 * nextGaussian() equal {@link Philox#uniformFloat uniformFloat(seed, b)},
 * {@link Philox#uniformDouble uniformDouble(seed, b)} and {@link Philox#gaussian gaussian(seed, b)}.
 * Different streams of one seed never share a block.
 *
 * <p>Not thread-safe: give each thread its own {@link #fork fork}.
 */
public final class PhiloxRandom implements RandomGenerator {

    private final long seed;
    private final long stream;
    private final int[] words = new int[4];
    private long nextBlock;
    private int used = 4;  // words of the current block already emitted; 4 = none buffered

    /** Stream 0 of the seed: the blocks of {@link Philox}'s stateless draws. */
    public PhiloxRandom(long seed) {
        this(seed, 0);
    }

    /** The given stream of the seed (counter words 2 and 3 hold the stream number). */
    public PhiloxRandom(long seed, long stream) {
        this.seed = seed;
        this.stream = stream;
    }

    /** A fresh generator on another stream of this seed, starting at its first word. */
    public PhiloxRandom fork(long stream) {
        return new PhiloxRandom(seed, stream);
    }

    public long seed() {
        return seed;
    }

    public long stream() {
        return stream;
    }

    @Override
    public int nextInt() {
        if (used == 4) {
            Philox.block((int) nextBlock, (int) (nextBlock >>> 32), (int) stream, (int) (stream >>> 32),
                    (int) seed, (int) (seed >>> 32), words, 0);
            nextBlock++;
            used = 0;
        }
        return words[used++];
    }

    @Override
    public long nextLong() {
        long high = nextInt();
        return high << 32 | (nextInt() & 0xFFFF_FFFFL);
    }

    @Override
    public float nextFloat() {
        return (nextInt() >>> 8) * 0x1.0p-24f;
    }

    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    @Override
    public boolean nextBoolean() {
        return nextInt() < 0;
    }

    @Override
    public double nextGaussian() {
        int x0 = nextInt(), x1 = nextInt(), x2 = nextInt(), x3 = nextInt();
        return Philox.boxMuller(x0, x1, x2, x3);
    }
}
