package jgrad.backend;

/** Elementwise z = a ∘ b. Comparisons give 1 where true and 0 where false. */
public enum BinaryOp {
    ADD, SUB, MUL, DIV,
    /** z = a^b. */
    POW,
    MAX, MIN,
    /** z = [a == b]. */
    EQ,
    /** z = [a &gt; b]. */
    GT,
    /** z = [a &gt;= b]. */
    GE
}
