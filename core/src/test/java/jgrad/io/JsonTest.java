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
}
