package jgrad.backend;

/**
 * Which triangle of a causal attention product is nonzero ({@link Backend#gemmTriangularBatch}): with T queries
 * and T keys, query t sees keys 0 … t only, so the scores and the weights α are lower triangular, and half of
 * each T × T product need not be computed.
 */
public enum Triangle {
    /** C = tril(op(A)·op(B)), T × T: computed on and below the diagonal, 0 above (the scores s = Q Kᵀ, and dα). */
    LOWER_PRODUCT,
    /** C = op(A)·op(B) where op(A) is T × T and 0 above its diagonal (α V, and dS K in the backward). */
    LOWER_LEFT,
    /** C = op(A)·op(B) where op(A) is T × T and 0 below its diagonal (αᵀ dO and dSᵀ Q, in the backward). */
    UPPER_LEFT
}
