package jgrad.abtest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An experiment's rows counted by group: for each group (in the order first seen), how many rows it has and
 * how many of them have outcome 1. Outcomes must be 0 or 1; anything else (a missing value, a spend in dollars)
 * is refused, naming the row, because a rate over it would mean nothing.
 */
public final class GroupedOutcomes {

    private final Map<String, Proportion> groups;

    private GroupedOutcomes(Map<String, Proportion> groups) {
        this.groups = Collections.unmodifiableMap(groups);
    }

    /** Counts rows; {@code groups[r]} and {@code outcomes[r]} describe row r (numbered from 1 in messages). */
    public static GroupedOutcomes count(String[] groups, double[] outcomes) {
        if (groups.length != outcomes.length) {
            throw new IllegalArgumentException(groups.length + " group labels but " + outcomes.length + " outcomes");
        }
        if (groups.length == 0) {
            throw new IllegalArgumentException("no rows to count");
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (int r = 0; r < groups.length; r++) {
            if (groups[r] == null) {
                throw new IllegalArgumentException("row " + (r + 1) + ": the group is missing");
            }
            if (outcomes[r] != 0 && outcomes[r] != 1) {
                throw new IllegalArgumentException("row " + (r + 1) + ": the outcome must be 0 or 1, got " + outcomes[r]);
            }
            long[] c = counts.computeIfAbsent(groups[r], g -> new long[2]);
            c[0] += (long) outcomes[r];
            c[1]++;
        }
        Map<String, Proportion> proportions = new LinkedHashMap<>();
        counts.forEach((g, c) -> proportions.put(g, new Proportion(c[0], c[1])));
        return new GroupedOutcomes(proportions);
    }

    /** Group name to its successes out of its rows, in the order the groups first appear. */
    public Map<String, Proportion> groups() {
        return groups;
    }

    /** One group's counts, or an error listing the groups there are. */
    public Proportion group(String name) {
        Proportion p = groups.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no group '" + name + "'; the groups are " + groups.keySet());
        }
        return p;
    }

    /** The rows of each group, in order: the counts a sample-ratio check takes. */
    public long[] sizes() {
        return groups.values().stream().mapToLong(Proportion::trials).toArray();
    }
}
