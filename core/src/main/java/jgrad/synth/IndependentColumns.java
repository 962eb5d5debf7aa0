package jgrad.synth;

import java.util.random.RandomGenerator;

import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;

/**
 * The baseline a synthesizer must beat on pair trends and utility: n rows whose every column is drawn on its own,
 * uniformly from the training table's values of that column (each marginal exact in expectation, every dependence
 * between columns lost; SDGym's independent baseline).
 */
public final class IndependentColumns {

    private IndependentColumns() {
    }

    public static Table sample(Table train, int n, RandomGenerator random) {
        if (train.rowCount() == 0 || n < 1) {
            throw new IllegalArgumentException("independent columns: needs training rows and n >= 1, got "
                    + train.rowCount() + " rows and n = " + n);
        }
        Schema schema = train.schema();
        String[][] text = new String[schema.size()][n];
        for (int c = 0; c < schema.size(); c++) {
            String column = schema.column(c).name();
            for (int r = 0; r < n; r++) {
                text[c][r] = train.text(column, random.nextInt(train.rowCount()));
            }
        }
        return CsvText.read(schema, text, "independent");
    }
}
