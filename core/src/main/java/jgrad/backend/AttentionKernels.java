package jgrad.backend;

/**
 * Attention: dot-score attention pooling and the masked, scaled softmax of multi-head attention, with their
 * backwards.
 *
 * <p>One family of {@link Backend}'s kernels, implemented only through it (hence sealed): a default that
 * composes other kernels hands them the whole backend.
 */
public sealed interface AttentionKernels permits Backend {

    /**
     * Dot-score attention pooling, for x [B, T, d], the query h [B, d] and an optional mask [B, T]
     * (1 keep, 0 drop; null keeps every position), all contiguous from offset 0:
     * α = softmax over the kept positions of e_t = x_t·h (0 where dropped; a row with nothing kept
     * gets α = 0), written to alpha [B, T], and c = Σ_t α_t x_t, written to c [B, d].
     */
    default void attentionPoolForward(int batch, int steps, int d, Storage x, Storage h, Storage mask, Storage alpha,
                                      Storage c) {
        AttentionPool.forward((Backend) this, batch, steps, d, x, h, mask, alpha, c);
    }

    /**
     * The backward of {@link #attentionPoolForward} from its α, gc = ∂L/∂c [B, d] and the optional
     * gAlpha = ∂L/∂α [B, T] (null: 0): with dα_t = gAlpha_t + gc·x_t, writes the score gradient
     * de = α ⊙ (dα − Σ_s α_s dα_s) [B, T] (for a caller chaining another score), dx_t = α_t gc + de_t h
     * [B, T, d] and dh = Σ_t de_t x_t [B, d].
     */
    default void attentionPoolBackward(int batch, int steps, int d, Storage x, Storage h, Storage alpha,
                                       Storage gAlpha, Storage gc, Storage de, Storage dx, Storage dh) {
        AttentionPool.backward((Backend) this, batch, steps, d, x, h, alpha, gAlpha, gc, de, dx, dh);
    }

    /**
     * The attention weights of scaled dot-product attention under a key mask, for the scores s = Q Kᵀ of
     * {@code batch}·{@code heads} matrices [Tq, Tk] (matrix g = b·heads + j is head j of batch row b; row t a
     * query, column u a key), contiguous from sOff, and keep [B, Tk] (1 keep, 0 drop; null keeps every key). The
     * queries are the last Tq ≤ Tk positions: query t stands at position p_t = t + Tk − Tq.
     * <pre>
     *   α[g, t, u] = exp(c·s[g, t, u] − m) / Σ_{u' ∈ K_t} exp(c·s[g, t, u'] − m)   for u ∈ K_t, 0 elsewhere
     *   K_t = {u : keep[b, u] ≠ 0, and u ≤ p_t when causal}, or {p_t} when that set is empty
     * </pre>
     * (c = {@code scale}, m the row's largest kept c·s). A query with no key to see keeps its own, so that its
     * row is not 0/0; its output means nothing and the models mask it out. Written to alpha [B·heads, Tq, Tk]
     * from offset 0, every element (0 or not). Unless a backend fuses it, this is {@link AttentionSoftmax}'s composition.
     */
    default void attentionSoftmax(int batch, int heads, int queries, int keys, double scale, boolean causal,
                                  Storage keep, Storage s, int sOff, Storage alpha) {
        AttentionSoftmax.forward((Backend) this, batch, heads, queries, keys, scale, causal, keep, s, sOff, alpha);
    }

    /**
     * The backward of {@link #attentionSoftmax}: from its α and g = ∂L/∂α ({@code rows} rows of Tk, both
     * contiguous, g from gOff), ds = c · α ⊙ (g − Σ_u α_u g_u) per row, written to ds from offset 0. Dropped
     * keys have α = 0 and so get ds = 0: the mask is not needed again; {@code causal} says that row t of each
     * [Tq, Tk] matrix is 0 beyond column p_t, which a backend may skip reading (it still writes ds = 0 there:
     * ds, like α, is written in full, so callers need not clear it).
     */
    default void attentionSoftmaxBackward(int rows, int queries, int keys, double scale, boolean causal, Storage alpha,
                                          Storage g, int gOff, Storage ds) {
        AttentionSoftmax.backward((Backend) this, rows, keys, scale, alpha, g, gOff, ds);
    }
}
