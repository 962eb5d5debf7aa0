package jgrad.data;

import java.util.ArrayList;
import java.util.List;

/**
 * What a loader does with a malformed row: fail at once (the default), or skip it and collect it here
 * so the caller can report how many rows were skipped and why. Rows are never dropped silently.
 */
public final class BadRows {

    /** The two policies. */
    public enum Policy { FAIL, COLLECT }

    private final Policy policy;
    private final List<BadRow> rows = new ArrayList<>();

    private BadRows(Policy policy) {
        this.policy = policy;
    }

    /** Throw {@link MalformedDataException} on the first bad row. */
    public static BadRows failFast() {
        return new BadRows(Policy.FAIL);
    }

    /** Skip bad rows and keep them for {@link #rows()}. */
    public static BadRows collect() {
        return new BadRows(Policy.COLLECT);
    }

    public Policy policy() {
        return policy;
    }

    /** Records a bad row; under {@link Policy#FAIL} this throws. */
    public void report(BadRow row) {
        if (policy == Policy.FAIL) {
            throw new MalformedDataException(row);
        }
        rows.add(row);
    }

    /** The bad rows collected so far, in the order met. */
    public List<BadRow> rows() {
        return List.copyOf(rows);
    }

    public int count() {
        return rows.size();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** A short report: the count, then up to {@code limit} rows as {@code file:line: problem}. */
    public String summary(int limit) {
        StringBuilder sb = new StringBuilder(rows.size() + " bad row(s) skipped");
        for (int i = 0; i < Math.min(limit, rows.size()); i++) {
            sb.append(System.lineSeparator()).append("  ").append(rows.get(i).describe());
        }
        if (rows.size() > limit) {
            sb.append(System.lineSeparator()).append("  ...");
        }
        return sb.toString();
    }
}
