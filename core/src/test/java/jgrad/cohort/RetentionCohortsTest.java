package jgrad.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Cohorts of a small log worked by hand, and the calendar periods. */
class RetentionCohortsTest {

    private static long day(int y, int m, int d) {
        return LocalDate.of(y, m, d).atStartOfDay(ZoneOffset.UTC).toEpochSecond() + 3600;
    }

    @Test
    void monthlyCohortsByHand() {
        // user 1: Jan, Feb, Apr; user 2: Jan, Mar; user 3: Feb, Mar; the log ends in April
        long[] users = {1, 1, 1, 2, 2, 3, 3, 1};
        long[] times = {day(2020, 1, 5), day(2020, 2, 1), day(2020, 4, 30), day(2020, 1, 31), day(2020, 3, 2),
            day(2020, 2, 14), day(2020, 3, 1), day(2020, 1, 6)};
        RetentionCohorts r = RetentionCohorts.of(users, times, Period.MONTH, 4);
        assertEquals(2, r.cohorts().size());
        RetentionCohorts.Cohort jan = r.cohorts().get(0);
        assertEquals("2020-01", Period.MONTH.label(jan.period()));
        assertEquals(2, jan.users());
        assertArrayEquals(new double[] {1, 0.5, 0.5, 0.5}, jan.retention(), 1e-15);
        RetentionCohorts.Cohort feb = r.cohorts().get(1);
        assertArrayEquals(new double[] {1, 1, 0, Double.NaN}, feb.retention(), 1e-15);
        // weighted: k=1 (1 + 1)/3, k=2 (1 + 0)/3, k=3 only January's 2 users: 1/2
        assertArrayEquals(new double[] {1, 2.0 / 3, 1.0 / 3, 0.5}, r.weightedRetention(), 1e-15);
    }

    @Test
    void periodsFollowTheCalendarInUtc() {
        assertEquals(Period.WEEK.index(day(2024, 1, 1)), Period.WEEK.index(day(2024, 1, 7)));   // Monday … Sunday
        assertEquals(Period.WEEK.index(day(2024, 1, 1)) + 1, Period.WEEK.index(day(2024, 1, 8)));
        assertEquals("2024-01-01", Period.WEEK.label(Period.WEEK.index(day(2024, 1, 3))));
        assertEquals(Period.MONTH.index(day(2019, 12, 31)) + 1, Period.MONTH.index(day(2020, 1, 1)));
        assertEquals("1999", Period.YEAR.label(Period.YEAR.index(day(1999, 7, 1))));
        assertEquals("2024-02-29", Period.DAY.label(Period.DAY.index(day(2024, 2, 29))));
    }

    @Test
    void emptyOrMismatchedLogsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RetentionCohorts.of(new long[0], new long[0], Period.DAY, 3));
        assertThrows(IllegalArgumentException.class, () -> RetentionCohorts.of(new long[] {1}, new long[] {1, 2}, Period.DAY, 3));
        assertThrows(IllegalArgumentException.class, () -> RetentionCohorts.of(new long[] {1}, new long[] {1}, Period.DAY, 0));
    }
}
