package jgrad.segment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The fixtures of {@code src/test/resources/segment}: points written by {@code make_fixtures.py} and the values
 * scikit-learn computed from them ({@code key=value} lines; rows separated by ';', values by ',').
 */
final class SklearnFixture {

    private SklearnFixture() {
    }

    static double[][] points(String name) {
        String[] lines = read(name).strip().split("\n");
        double[][] x = new double[lines.length][];
        for (int r = 0; r < lines.length; r++) {
            x[r] = numbers(lines[r]);
        }
        return x;
    }

    static Map<String, String> expected(String name) {
        Map<String, String> out = new HashMap<>();
        for (String line : read(name).strip().split("\n")) {
            int eq = line.indexOf('=');
            out.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return out;
    }

    static double[] numbers(String csv) {
        String[] parts = csv.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i]);
        }
        return out;
    }

    static double[][] matrix(String text) {
        String[] rows = text.split(";");
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = numbers(rows[i]);
        }
        return out;
    }

    static int[] labels(String csv) {
        double[] v = numbers(csv);
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }

    private static String read(String name) {
        try (InputStream in = SklearnFixture.class.getResourceAsStream("/segment/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource segment/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
