/**
 * Synthetic customers: a conditional tabular GAN for rows of mixed categorical and numeric columns (CTGAN,
 * Xu, Skoularidou, Cuesta-Infante and Veeramachaneni, "Modeling Tabular Data using Conditional GAN",
 * NeurIPS 2019) and the report that judges what it made: column shapes and pair trends (as SDMetrics's
 * quality report), train-on-synthetic/test-on-real utility, and the distance of each synthetic row to its
 * closest real one.
 */
package jgrad.synth;
