package jgrad.data.csv;

/** A problem with one row, turned into a {@link jgrad.data.BadRow} by the reader. No stack trace: it is expected input. */
final class RowProblem extends Exception {

    RowProblem(String problem) {
        super(problem, null, false, false);
    }
}
