package jgrad.synth;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;

import jgrad.data.BadRows;
import jgrad.data.csv.CsvFormat;
import jgrad.data.csv.CsvReader;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;

/** Small tables for the tests, from CSV text. */
final class Tables {

    private Tables() {
    }

    static Table of(Schema schema, String csv) {
        try {
            return new CsvReader(CsvFormat.csv().withMissing(""), schema).read(new StringReader(csv), "test.csv",
                    BadRows.failFast());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
