/**
 * Uplift modelling: who changes their behaviour because of a treatment (an e-mail), learned from a randomized
 * experiment. Models score τ̂(x) = P(y=1 | x, treated) − P(y=1 | x, control): the two-model approach
 * (T-learner), one model with the treatment as a feature (S-learner), and the class transformation of
 * Jaskowski and Jaroszewicz (2012). {@link jgrad.uplift.UpliftMetrics} measures a ranking by uplift@k, the
 * Qini curve and coefficient, and the area under the uplift curve, each with its random-ranking baseline.
 */
package jgrad.uplift;
