/**
 * Evaluation metrics on plain arrays: regression (RMSE, MAE), classification (accuracy, precision,
 * recall, F1, ROC AUC, log loss), ranking (HR@K, NDCG@K, MRR, MAP@K, catalog coverage) and campaign
 * funnels (CTR, CVR).
 *
 * <p>Conventions, the same in every class: empty input (no rows, no queries, an empty relevant set) is an
 * {@link java.lang.IllegalArgumentException}, as are arrays of different lengths, labels other than 0/1
 * and NaN scores. A ratio whose denominator is zero on non-empty input (precision without a predicted
 * positive, AUC with a single class, CTR without impressions, CVR without clicks) is {@code NaN}: it is
 * undefined, and NaN keeps it from passing for a real 0 or 1.
 */
package jgrad.metrics;
