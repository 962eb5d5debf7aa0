package jgrad.serve;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/** Reading a request: its query parameters and its body, each checked before use. */
final class Requests {

    private Requests() {
    }

    /** The query parameters; a parameter given twice or not percent-decodable is a 400. */
    static Map<String, String> query(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        Map<String, String> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (params.put(key, value) != null) {
                throw ApiException.badRequest("query parameter '" + key + "' is given twice");
            }
        }
        return params;
    }

    /** A whole number parameter in [min, max], or {@code fallback} when absent. */
    static int intParam(Map<String, String> params, String name, int fallback, int min, int max) {
        String text = params.get(name);
        if (text == null) {
            if (fallback == Integer.MIN_VALUE) {
                throw ApiException.badRequest("missing query parameter '" + name + "'");
            }
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("query parameter '" + name + "' must be a whole number, got '"
                    + abbreviate(text) + "'");
        }
        if (value < min || value > max) {
            throw ApiException.badRequest("query parameter '" + name + "' must be in " + min + " … " + max
                    + ", got " + value);
        }
        return value;
    }

    /**
     * A whole-number parameter that identifies a person (the user of /recommend): a refusal says what is wrong, never
     * the value, which may be anything the caller typed (an e-mail address) and would be written to logs.
     */
    static int idParam(Map<String, String> params, String name) {
        String text = params.get(name);
        if (text == null) {
            throw ApiException.badRequest("missing query parameter '" + name + "'");
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("query parameter '" + name + "' must be a whole number (an id of at most"
                    + " 10 digits)");
        }
    }

    /** The body, refused with 413 when its declared or actual length exceeds {@code limit} bytes. */
    static byte[] body(HttpExchange exchange, int limit) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("Content-Length '" + abbreviate(declared) + "' is not a number");
            }
            if (length > limit) {
                throw tooLarge(limit, length + " bytes");
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(limit + 1);   // one byte more than allowed tells a chunked body too long
            if (bytes.length > limit) {
                throw tooLarge(limit, "more");
            }
            return bytes;
        }
    }

    private static ApiException tooLarge(int limit, String got) {
        return new ApiException(413, "the body is larger than the limit of " + limit + " bytes (got " + got + ")");
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("the query is not valid percent-encoding: " + e.getMessage());
        }
    }

    /** Echoed input is cut short, so an answer never repeats a huge parameter. */
    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
