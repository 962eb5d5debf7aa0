package jgrad.privacy.anonymize;

/**
 * A generalization hierarchy of one quasi-identifier: level 0 is the value as recorded, each higher level
 * is coarser, and the top level {@code levels() - 1} says nothing ({@code "*"}). Full-domain
 * generalization (Samarati 2001) maps every value of the column to the same level.
 */
public interface Hierarchy {

    /** The value that says nothing, at the top level. */
    String ANY = "*";

    /** The number of levels, the original included; at least 2. */
    int levels();

    /** {@code value} generalized to {@code level}; an error names the value if the hierarchy does not know it. */
    String generalize(String value, int level);

    /** What level {@code level} does, in a few words (for the command's report). */
    String describe(int level);
}
