/**
 * Next-item recommendation from behaviour sequences: {@link jgrad.sequence.SequenceData} and its files
 * ({@link jgrad.sequence.SequenceFiles}: the ml-100k-seq layout, or {@code user item} lines), the
 * leave-one-out protocol ({@link jgrad.sequence.NextItemEvaluation}: HR@K and NDCG@K on 101 candidates and
 * with full ranking), the models — most popular ({@link jgrad.sequence.PopularityScorer}),
 * {@link jgrad.sequence.Gru4Rec} and {@link jgrad.sequence.SasRec} — and their training
 * ({@link jgrad.sequence.NextItemTraining}: BCE with one sampled negative per step, the best epoch chosen on
 * the validation targets).
 */
package jgrad.sequence;
