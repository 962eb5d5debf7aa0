package jgrad.data.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import jgrad.data.BadRow;
import jgrad.io.InputFileException;
import jgrad.io.InputFiles;
import jgrad.data.BadRows;
import jgrad.data.MalformedDataException;

/**
 * Reads a delimited text file into a {@link Table} following a declared {@link Schema} and {@link CsvFormat}.
 * LF, CRLF and CR line ends are all accepted; a UTF-8 byte-order mark is skipped; blank lines carry no
 * data and are skipped (a line of spaces is not blank: it is checked like any row). A row with a wrong field count, a bad quote, an unparsable or out-of-range value,
 * or a missing value in a column without missing markers is a bad row: it goes to {@link BadRows}
 * with the file name and line number, and is either fatal or skipped and counted, never dropped silently.
 */
public final class CsvReader {

    private static final char BOM = '\uFEFF';

    private final CsvFormat format;
    private final Schema schema;

    public CsvReader(CsvFormat format, Schema schema) {
        this.format = format;
        this.schema = schema;
    }

    /** Reads a file, failing on the first bad row. */
    public Table read(Path file) {
        return read(file, BadRows.failFast());
    }

    /** Reads a file, sending bad rows to {@code badRows}. */
    public Table read(Path file, BadRows badRows) {
        try {
            // a directory, a device or a pipe is refused before reading; a file larger than the heap cannot be held
            InputFiles.checkRegular(file, "a CSV file", Runtime.getRuntime().maxMemory());
        } catch (InputFileException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        try (BufferedReader in = Files.newBufferedReader(file, format.charset())) {
            return read(in, file.getFileName().toString(), badRows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads text from {@code in}; {@code name} is used in messages. The reader is not closed. */
    public Table read(Reader in, String name, BadRows badRows) throws IOException {
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        FieldSplitter splitter = new FieldSplitter(format);
        ColumnBuffer[] buffers = new ColumnBuffer[schema.size()];
        for (int c = 0; c < buffers.length; c++) {
            buffers[c] = new ColumnBuffer(schema.column(c).type());
        }
        RowParser rows = null;
        long lineNumber = 0;
        String line;
        while ((line = nextLine(lines, name, lineNumber + 1)) != null) {
            lineNumber++;
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BOM) {
                line = line.substring(1);
            }
            if (line.isEmpty()) {
                continue;
            }
            if (rows == null) {
                rows = format.header() ? headerRow(splitter, line, name) : new RowParser(schema, format, positions());
                if (format.header()) {
                    continue;
                }
            }
            try {
                rows.parseInto(splitter.split(line), buffers);
            } catch (RowProblem p) {
                badRows.report(new BadRow(name, lineNumber, p.getMessage(), line));
            }
        }
        if (rows == null && format.header()) {
            throw new MalformedDataException(new BadRow(name, 1, "no header line (the file is empty)", ""));
        }
        return build(name, buffers);
    }

    /** The next line; bytes that are not text in the format's charset (a binary file) end the read with the line. */
    private String nextLine(BufferedReader lines, String name, long lineNumber) throws IOException {
        String line;
        try {
            line = lines.readLine();
        } catch (CharacterCodingException e) {
            throw new MalformedDataException(new BadRow(name, lineNumber, "not " + format.charset().name()
                    + " text (is it a binary file?)", ""));
        }
        if (line != null && line.indexOf('\0') >= 0) {
            throw new MalformedDataException(new BadRow(name, lineNumber, "holds a NUL byte: a binary file, not CSV text",
                    ""));
        }
        return line;
    }

    private RowParser headerRow(FieldSplitter splitter, String line, String name) {
        List<String> header;
        try {
            header = splitter.split(line);
        } catch (RowProblem p) {
            throw new MalformedDataException(new BadRow(name, 1, "header: " + p.getMessage(), line));
        }
        int[] positions = new int[schema.size()];
        for (int c = 0; c < positions.length; c++) {
            positions[c] = header.indexOf(schema.column(c).name());
            if (positions[c] < 0) {
                throw new MalformedDataException(new BadRow(name, 1,
                        "header has no column '" + schema.column(c).name() + "' (it has " + header + ")", line));
            }
        }
        return new RowParser(schema, format, positions, header.size());
    }

    private int[] positions() {
        int[] positions = new int[schema.size()];
        for (int c = 0; c < positions.length; c++) {
            positions[c] = c;
        }
        return positions;
    }

    private Table build(String name, ColumnBuffer[] buffers) {
        Object[] values = new Object[buffers.length];
        BitSet[] missing = new BitSet[buffers.length];
        for (int c = 0; c < buffers.length; c++) {
            values[c] = buffers[c].values();
            missing[c] = buffers[c].missing();
        }
        return new Table(name, schema, values, missing);
    }
}
