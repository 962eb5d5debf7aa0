package jgrad.data.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import jgrad.data.BadRows;
import jgrad.data.prep.CyclicalTime;
import jgrad.metrics.EventFunnel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An event log read through a declared schema, then turned into a funnel and time features. */
class EventLogTest {

    @Test
    void readsAnEventLogIntoAFunnelAndHourFeatures(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("events.csv");
        // 2024-01-01 was a Monday; 1704067200 is its midnight UTC
        Files.writeString(file, String.join("\r\n",
                "user,campaign,event,ts",
                "u1,spring,impression,1704067200",
                "u1,spring,click,1704110400",
                "u2,spring,impression,1704110400",
                "u2,spring,purchase,1704153600",
                "u3,spring,impression,not-a-time",
                "u3,spring,click,1704153600",
                ""));
        Schema schema = Schema.of(Column.of("user", ColumnType.STRING), Column.of("campaign", ColumnType.STRING),
                Column.of("event", ColumnType.STRING), Column.of("ts", ColumnType.LONG).range(0, Long.MAX_VALUE));
        BadRows bad = BadRows.collect();
        Table log = new CsvReader(CsvFormat.csv(), schema).read(file, bad);
        assertEquals("events.csv:6: column 'ts': unparsable integer 'not-a-time'", bad.rows().getFirst().describe());
        EventFunnel funnel = EventFunnel.ofEvents(log.strings("event"), "impression", "click", "purchase");
        assertEquals(new EventFunnel(2, 2, 1), funnel);
        assertArrayEquals(new double[] {0, 12, 12, 0, 0}, CyclicalTime.hourOfDay(log.longs("ts"), ZoneOffset.UTC));
        assertArrayEquals(new double[] {0, 0, 0, 1, 1}, CyclicalTime.dayOfWeek(log.longs("ts"), ZoneOffset.UTC));
    }
}
