/**
 * Data for jgrad models, on plain Java arrays (no tensor dependency): loaders ({@code movielens}, {@code idx},
 * {@code marketing}, and the schema-driven {@code csv} reader under them), preprocessing ({@code prep}),
 * splits ({@code split}), negative sampling and batching.
 *
 * <p>Malformed input is never dropped silently: every loader reports a bad row with its file name, line
 * number and problem, and either fails (the default) or skips it into a {@link jgrad.data.BadRows} report.
 * Randomness comes only from the {@link java.util.SplittableRandom} the caller passes. Real data sets live
 * outside the repository and are found with {@link jgrad.data.SharedData}.
 */
package jgrad.data;
