/**
 * The recommenders of the articles and of the literature, trainable through {@code compile/fit}, each able
 * to return a user's top-K unseen items ({@link jgrad.recsys.Recommender#recommend}):
 * <ul>
 *   <li>{@link jgrad.recsys.DotRecommender} (article 000): r̂ = w (p_u · q_i) + b;</li>
 *   <li>{@link jgrad.recsys.ConcatRecommender} (article 001): r̂ = wᵀ [p_u ; q_i] + b;</li>
 *   <li>{@link jgrad.recsys.UserMlpRecommender} (article 003): r̂_u = W₂ relu(W₁ e_u + b₁) + b₂, masked MSE;</li>
 *   <li>{@link jgrad.recsys.BiasedMF}: r̂ = μ + b_u + b_i + p_u · q_i;</li>
 *   <li>{@link jgrad.recsys.Ncf}: GMF, MLP and NeuMF (He et al. 2017), logits trained with BCE on sampled negatives.</li>
 * </ul>
 * Users and items are dense ids (re-index raw ids with {@link jgrad.data.prep.IdIndex}). Each model computes
 * from a map of weights, so a gradient check can perturb copies; {@link jgrad.recsys.Evaluation} gives test RMSE
 * and leave-one-out HR@K / NDCG@K; {@link jgrad.io.ModelFiles} loads them without any call beforehand
 * ({@link jgrad.recsys.RecommenderTypes} makes their types known).
 */
package jgrad.recsys;
