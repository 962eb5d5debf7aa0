/**
 * Preprocessing after article 002 §3.1: cleaning (duplicates, missing values, outliers), feature engineering
 * (scaling, cyclical time features) and encoding (vocabularies, one-hot, id re-indexing).
 *
 * <p>Every transform that learns something from data has a static {@code fit} that reads the training
 * rows only, and returns an immutable object whose {@code transform} is then applied unchanged to training,
 * validation and test rows. Nothing here refits itself on the data it transforms, so test statistics never
 * leak into the model. Numeric columns are {@code double[]} with NaN for a missing value; fitting ignores NaN.
 */
package jgrad.data.prep;
