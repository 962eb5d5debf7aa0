package jgrad.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsWhatItWrites() {
        String text = "{\"name\":\"a\\\"b\",\"shape\":[2,3],\"x\":-0.0015,\"ok\":true,\"none\":null,\"nested\":{}}";
        Object v = Json.parse(text);
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals("a\"b", m.get("name"));
        assertEquals(List.of(2L, 3L), m.get("shape"));
        assertEquals(-1.5e-3, m.get("x"));
        assertEquals(Boolean.TRUE, m.get("ok"));
        assertTrue(m.containsKey("none"));
        assertEquals(text, Json.write(v));
    }

    @Test
    void errorsNameLineAndColumn() {
        var e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\n  \"a\": [1, 2,,]\n}"));
        assertTrue(e.getMessage().contains("line 2, column 14"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1] x"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("\"open"));
    }

    @Test
    void deepNestingIsRefusedWithAMessageNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        var e = assertThrows(IllegalArgumentException.class, () -> Json.parse(deep));
        assertTrue(e.getMessage().contains("nested more than " + Json.MAX_DEPTH) && e.getMessage().contains("column 201"),
                e.getMessage());
        String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertEquals(ok, Json.write(Json.parse(ok)), "the limit itself is allowed");
    }

    @Test
    void repeatedKeysBadEscapesAndHugeNumbersAreErrors() {
        var e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": 1,\n \"a\": 2}"));
        assertTrue(e.getMessage().contains("key \"a\" appears twice") && e.getMessage().contains("line 2, column 2"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Json.parse("\"\\uZZZZ\""));
        assertTrue(e.getMessage().contains("4 hexadecimal digits"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Json.parse("[1e400]"));
        assertTrue(e.getMessage().contains("'1e400' is beyond the range"), e.getMessage());
        assertEquals(List.of(1e308), Json.parse("[1e308]"));
    }
}
