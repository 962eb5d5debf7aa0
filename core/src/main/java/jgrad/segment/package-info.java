/**
 * Customer segments: k-means (Lloyd's iterations from k-means++ seeds, several seeded restarts), mini-batch
 * k-means for large data, the quality of a partition (silhouette, Davies–Bouldin, the elbow curve of
 * inertia against k), principal component analysis for 2-D maps, and the per-segment profile a marketer
 * reads (size, outcome rate, the features that set a segment apart).
 *
 * <p>Points are rows of a plain {@code double[][]} (these are statistics on host arrays, not tensors).
 * Conventions, the same in every class: no rows, rows of different widths and values that are not finite
 * are an {@link java.lang.IllegalArgumentException} naming the row and column; every random choice comes
 * from a {@link java.util.random.RandomGenerator} the caller seeds, so the same seed gives the same segments.
 */
package jgrad.segment;
