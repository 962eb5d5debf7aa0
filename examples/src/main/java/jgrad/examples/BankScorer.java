package jgrad.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jgrad.data.csv.Column;
import jgrad.data.csv.CsvFormat;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;
import jgrad.data.marketing.MarketingData;
import jgrad.io.ModelFiles;
import jgrad.serve.RowScorer;
import jgrad.train.Model;

/**
 * The demo's saved campaign model as a {@link RowScorer}: bank clients in, subscription probabilities out,
 * through the vocabularies and scaling it was saved with. A row needs the columns the model reads (not
 * {@code y}, and not {@code duration}, which the demo drops because it leaks the outcome).
 */
final class BankScorer implements RowScorer {

    private final String name;
    private final Model model;
    private final BankFeatures features;
    private final Schema schema;

    private BankScorer(String name, Model model, BankFeatures features) {
        this.name = name;
        // Scoring threads share the model: in evaluation mode from the start, predict never switches it back to
        // training (and its dropout on) under another thread's query.
        model.eval();
        this.model = model;
        this.features = features;
        List<String> used = new ArrayList<>(BankClients.CATEGORICAL);
        used.addAll(BankClients.NUMERIC);
        List<Column> columns = MarketingData.bankMarketingSchema().columns().stream()
                .filter(c -> used.contains(c.name())).toList();
        this.schema = new Schema(columns);
    }

    /** The model saved by {@code ./jgrad demo --save FILE}, checked as {@code score} checks it. */
    static BankScorer load(Path path) throws Exception {
        ModelFiles.Loaded loaded = ScoreCommand.loadModel(path);
        return new BankScorer(loaded.file().getFileName() + " (demo campaign model)", (Model) loaded.model(),
                ScoreCommand.loadFeatures(loaded));
    }

    @Override public String name() { return name; }
    @Override public Schema schema() { return schema; }
    @Override public CsvFormat format() { return MarketingData.BANK_FORMAT; }

    @Override
    public double[] score(Table rows) {
        return DemoCommand.probabilities(model, features.inputs(rows));
    }
}
