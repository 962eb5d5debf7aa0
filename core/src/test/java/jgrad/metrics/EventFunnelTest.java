package jgrad.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFunnelTest {

    @Test
    void countsAnEventLog() {
        String[] log = {"imp", "imp", "click", "view", "imp", "conv", "imp", "click"};
        EventFunnel f = EventFunnel.ofEvents(log, "imp", "click", "conv");
        assertEquals(new EventFunnel(4, 2, 1), f);
        assertEquals(0.5, f.ctr());
        assertEquals(0.5, f.cvr());
        assertEquals(0.25, f.conversionsPerImpression());
    }

    @Test
    void flagsPerGroup() {
        String[] arm = {"b", "a", "b", "b"};
        boolean[] clicked = {true, false, true, false};
        boolean[] converted = {true, false, false, false};
        Map<String, EventFunnel> funnels = EventFunnel.byGroup(arm, clicked, converted);
        assertEquals(List.of("a", "b"), List.copyOf(funnels.keySet()));
        assertEquals(new EventFunnel(1, 0, 0), funnels.get("a"));
        assertEquals(new EventFunnel(3, 2, 1), funnels.get("b"));
        assertEquals(2.0 / 3, funnels.get("b").ctr(), 1e-15);
        assertEquals(new EventFunnel(4, 2, 1), EventFunnel.ofFlags(clicked, converted));
    }

    @Test
    void zeroDenominatorsAreNaNAndEmptyLogsRefused() {
        assertEquals(Double.NaN, new EventFunnel(0, 0, 0).ctr());
        assertEquals(Double.NaN, new EventFunnel(5, 0, 0).cvr());
        assertEquals(0.0, new EventFunnel(5, 0, 0).ctr());
        assertThrows(IllegalArgumentException.class, () -> EventFunnel.ofEvents(new String[0], "i", "c", "v"));
        assertThrows(IllegalArgumentException.class, () -> EventFunnel.ofFlags(new boolean[0], new boolean[0]));
        assertThrows(IllegalArgumentException.class, () -> new EventFunnel(-1, 0, 0));
    }
}
