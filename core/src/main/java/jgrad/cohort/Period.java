package jgrad.cohort;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A calendar period in UTC, numbered so that consecutive periods have consecutive indices. */
public enum Period {
    DAY, WEEK, MONTH, YEAR;

    private static final LocalDate MONDAY_1970 = LocalDate.of(1969, 12, 29);

    /** The index of the period holding {@code epochSecond}. */
    public long index(long epochSecond) {
        LocalDate date = LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
        return switch (this) {
            case DAY -> date.toEpochDay();
            case WEEK -> Math.floorDiv(ChronoUnit.DAYS.between(MONDAY_1970, date), 7);
            case MONTH -> date.getYear() * 12L + date.getMonthValue() - 1;
            case YEAR -> date.getYear();
        };
    }

    /** A label for the period of index {@code index}: 2018-03-05 (a day, or a week's Monday), 2018-03, 2018. */
    public String label(long index) {
        return switch (this) {
            case DAY -> LocalDate.ofEpochDay(index).toString();
            case WEEK -> MONDAY_1970.plusWeeks(index).toString();
            case MONTH -> String.format(java.util.Locale.ROOT, "%d-%02d", Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
            case YEAR -> Long.toString(index);
        };
    }
}
