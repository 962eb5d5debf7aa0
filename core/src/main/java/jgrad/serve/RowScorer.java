package jgrad.serve;

import jgrad.data.csv.CsvFormat;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;

/**
 * A saved model that scores rows of raw records (a campaign model: each client's probability to respond),
 * through the preprocessing it was fitted with. The server reads a request's rows with {@link #schema()} in
 * {@link #format()}, so a malformed row is refused with its line and column before the model sees it.
 */
public interface RowScorer {

    /** What is served, for {@code /health} and the answers: a file name and the model's kind. */
    String name();

    /** The columns a row must have (any others in a CSV header are ignored), with their types and ranges. */
    Schema schema();

    /** The CSV dialect of a {@code text/csv} body (separator, quote); a header line is always expected. */
    CsvFormat format();

    /** One score per row, in row order. Must be safe to call from many threads at once. */
    double[] score(Table rows);
}
