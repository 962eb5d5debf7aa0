package jgrad.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jgrad.tensor.Shapes;
import jgrad.tensor.Tensor;

/**
 * A model at a glance, as Keras's {@code model.summary()} prints it: one row per direct part (a layer of a
 * {@code Sequential}, a named node of a {@code Model}, a table of a recommender) with its type, its
 * parameters' names and shapes, and their count; then the totals and the memory they take.
 * <pre>
 *   part  type     parameters               count
 *   0     Dense    W [128, 784], b [128]  100,480
 *   1     Dropout  -                            0
 *   2     Dense    W [10, 128], b [10]      1,290
 *   total 101,770 parameters, 397.5 KiB (F32)
 * </pre>
 */
public final class ModuleSummary {

    private ModuleSummary() {
    }

    /** The summary of {@code module} as printable lines. */
    public static String of(Module module) {
        Map<String, Map<String, Tensor>> parts = parts(module);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"part", "type", "parameters", "count"});
        long total = 0;
        long bytes = 0;
        Set<String> dtypes = new LinkedHashSet<>();
        for (Map.Entry<String, Map<String, Tensor>> part : parts.entrySet()) {
            List<String> shapes = new ArrayList<>();
            long count = 0;
            for (Map.Entry<String, Tensor> p : part.getValue().entrySet()) {
                Tensor t = p.getValue();
                shapes.add(p.getKey() + " " + Shapes.format(t.shape()));
                count += t.numel();
                bytes += (long) t.numel() * t.dtype().bytes;
                dtypes.add(t.dtype().name());
            }
            total += count;
            Module child = module.children().get(part.getKey());
            String type = (child == null ? module : child).getClass().getSimpleName();
            rows.add(new String[] {part.getKey(), type, shapes.isEmpty() ? "-" : String.join(", ", shapes),
                    String.format(Locale.ROOT, "%,d", count)});
        }
        StringBuilder sb = new StringBuilder();
        table(sb, rows);
        sb.append(String.format(Locale.ROOT, "total %,d parameters, %.1f KiB (%s)%n", total, bytes / 1024.0,
                String.join(", ", dtypes)));
        return sb.toString();
    }

    /**
     * The parameters grouped by direct part, every sub-module in order (those without parameters too, as
     * Keras lists a Dropout); the module's own parameters come first, as a part named {@code (own)}.
     */
    private static Map<String, Map<String, Tensor>> parts(Module module) {
        Map<String, Map<String, Tensor>> parts = new LinkedHashMap<>();
        Map<String, Tensor> own = new LinkedHashMap<>(module.parameters());
        for (Map.Entry<String, Module> child : module.children().entrySet()) {
            Map<String, Tensor> local = new LinkedHashMap<>();
            child.getValue().parameters().forEach((name, t) -> local.put(name, t));
            local.keySet().forEach(name -> own.remove(child.getKey() + "." + name));
            parts.put(child.getKey(), local);
        }
        if (!own.isEmpty()) {
            Map<String, Map<String, Tensor>> withOwn = new LinkedHashMap<>();
            withOwn.put("(own)", own);
            withOwn.putAll(parts);
            return withOwn;
        }
        return parts;
    }

    /** Columns left-aligned, the count right-aligned. */
    private static void table(StringBuilder sb, List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                String cell = row[c];
                boolean last = c == row.length - 1;
                String pad = " ".repeat(widths[c] - cell.length());
                line.append(last ? pad + cell : cell + pad + "  ");
            }
            sb.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
    }
}
