package jgrad.cohort;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Retention by first-activity cohort:
 * <pre>
 *   cohort(u)       = period of u's first event
 *   retention(c, k) = |{u ∈ c : u has an event in period c + k}| / |c|        (retention(c, 0) = 1)
 * </pre>
 * For k past the log's last period the share is unknown, and NaN (not 0: nobody could be seen yet).
 */
public final class RetentionCohorts {

    /** One cohort: its period, its size, and its retention for k = 0 … periods − 1. */
    public record Cohort(long period, int users, double[] retention) {
    }

    private final Period period;
    private final List<Cohort> cohorts;

    private RetentionCohorts(Period period, List<Cohort> cohorts) {
        this.period = period;
        this.cohorts = cohorts;
    }

    /** Builds the cohorts from events (user id, epoch second), for {@code periods} periods after the first. */
    public static RetentionCohorts of(long[] users, long[] epochSeconds, Period period, int periods) {
        if (users.length != epochSeconds.length || users.length == 0) {
            throw new IllegalArgumentException("retention needs at least one event and one time per user id, got "
                    + users.length + " ids and " + epochSeconds.length + " times");
        }
        if (periods < 1) {
            throw new IllegalArgumentException("retention needs at least 1 period, got " + periods);
        }
        Map<Long, Set<Long>> activeIn = new HashMap<>();
        long last = Long.MIN_VALUE;
        for (int i = 0; i < users.length; i++) {
            long p = period.index(epochSeconds[i]);
            activeIn.computeIfAbsent(users[i], u -> new HashSet<>()).add(p);
            last = Math.max(last, p);
        }
        TreeMap<Long, List<Set<Long>>> byCohort = new TreeMap<>();
        for (Set<Long> active : activeIn.values()) {
            long first = active.stream().mapToLong(Long::longValue).min().orElseThrow();
            byCohort.computeIfAbsent(first, c -> new ArrayList<>()).add(active);
        }
        List<Cohort> out = new ArrayList<>();
        for (var e : byCohort.entrySet()) {
            long c = e.getKey();
            List<Set<Long>> members = e.getValue();
            double[] retention = new double[periods];
            for (int k = 0; k < periods; k++) {
                if (c + k > last) {
                    retention[k] = Double.NaN;
                    continue;
                }
                int active = 0;
                for (Set<Long> m : members) {
                    active += m.contains(c + k) ? 1 : 0;
                }
                retention[k] = (double) active / members.size();
            }
            out.add(new Cohort(c, members.size(), retention));
        }
        return new RetentionCohorts(period, List.copyOf(out));
    }

    public Period period() {
        return period;
    }

    /** The cohorts, oldest first. */
    public List<Cohort> cohorts() {
        return cohorts;
    }

    /**
     * Retention after k periods over all cohorts that can be observed that far, weighted by cohort size: the
     * curve's summary row.
     */
    public double[] weightedRetention() {
        int periods = cohorts.get(0).retention().length;
        double[] out = new double[periods];
        for (int k = 0; k < periods; k++) {
            double retained = 0;
            double users = 0;
            for (Cohort c : cohorts) {
                if (!Double.isNaN(c.retention()[k])) {
                    retained += c.retention()[k] * c.users();
                    users += c.users();
                }
            }
            out[k] = users == 0 ? Double.NaN : retained / users;
        }
        return out;
    }
}
