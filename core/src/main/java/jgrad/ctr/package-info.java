/**
 * Click-through prediction from a user's behaviour history (article 002 §2.3): each rating of a user
 * becomes an example — the user, the candidate item (id and genres), the items the user rated before it,
 * in time order — labelled by whether the rating is high ({@link RatingHistories}); a split by time per
 * user ({@link TimeSplit}); three models on the same features: {@link LogisticCtr}, and {@link DinModel}
 * with the history mean-pooled or weighted by the local activation unit of Deep Interest Network
 * (Zhou et al. 2018, {@link LocalActivationUnit}, {@link Dice}); training with early stopping and the
 * paper's mini-batch aware regularization ({@link CtrTraining}, {@link MiniBatchAwareL2}).
 */
package jgrad.ctr;
