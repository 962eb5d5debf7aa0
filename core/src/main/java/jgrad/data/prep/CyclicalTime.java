package jgrad.data.prep;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Cyclical encoding of periodic features (article 002 §3.1: timestamps turned into hour and weekday):
 * a value v of period P becomes the point (sin 2πv/P, cos 2πv/P) on the unit circle, so 23:00 lies next to
 * 00:00 and Sunday next to Monday. Nothing is learned, so there is nothing to fit.
 */
public final class CyclicalTime {

    /** The two coordinates of each value. */
    public record SinCos(double[] sin, double[] cos) {
    }

    private CyclicalTime() {
    }

    public static SinCos encode(double[] values, double period) {
        if (!(period > 0)) {
            throw new IllegalArgumentException("period must be positive, got " + period);
        }
        double[] sin = new double[values.length];
        double[] cos = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double angle = 2 * Math.PI * values[i] / period;
            sin[i] = Math.sin(angle);
            cos[i] = Math.cos(angle);
        }
        return new SinCos(sin, cos);
    }

    /** Hour of day, 0 to 23 plus the fraction of the hour, of each unix timestamp (seconds) in {@code zone}. */
    public static double[] hourOfDay(long[] epochSeconds, ZoneId zone) {
        double[] out = new double[epochSeconds.length];
        for (int i = 0; i < out.length; i++) {
            ZonedDateTime t = Instant.ofEpochSecond(epochSeconds[i]).atZone(zone);
            out[i] = t.getHour() + t.getMinute() / 60.0 + t.getSecond() / 3600.0;
        }
        return out;
    }

    /** Day of week, Monday = 0 to Sunday = 6, of each unix timestamp (seconds) in {@code zone}. */
    public static double[] dayOfWeek(long[] epochSeconds, ZoneId zone) {
        double[] out = new double[epochSeconds.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Instant.ofEpochSecond(epochSeconds[i]).atZone(zone).getDayOfWeek().getValue() - 1;
        }
        return out;
    }

    /** {@link #hourOfDay} on a 24-hour circle. */
    public static SinCos hourOfDayCycle(long[] epochSeconds, ZoneId zone) {
        return encode(hourOfDay(epochSeconds, zone), 24);
    }

    /** {@link #dayOfWeek} on a 7-day circle. */
    public static SinCos dayOfWeekCycle(long[] epochSeconds, ZoneId zone) {
        return encode(dayOfWeek(epochSeconds, zone), 7);
    }
}
