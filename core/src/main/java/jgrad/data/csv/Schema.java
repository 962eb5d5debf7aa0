package jgrad.data.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns a CSV reader extracts. With a header row they are found by name (extra columns in the
 * file are ignored); without one they are taken by position and the row must have exactly this many fields.
 */
public record Schema(List<Column> columns) {

    public Schema {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a schema needs at least one column");
        }
        for (int i = 0; i < columns.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (columns.get(i).name().equals(columns.get(j).name())) {
                    throw new IllegalArgumentException("duplicate column name '" + columns.get(i).name() + "'");
                }
            }
        }
    }

    public static Schema of(Column... columns) {
        return new Schema(List.of(columns));
    }

    public int size() {
        return columns.size();
    }

    public Column column(int index) {
        return columns.get(index);
    }

    /** The position of a column, or an exception naming the known columns. */
    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column '" + name + "' in schema " + names());
    }

    public List<String> names() {
        List<String> names = new ArrayList<>(columns.size());
        for (Column c : columns) {
            names.add(c.name());
        }
        return names;
    }
}
