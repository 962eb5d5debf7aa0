package jgrad.campaign.bank;

import java.io.IOException;
import java.nio.file.Path;

import jgrad.data.csv.CsvFormat;
import jgrad.data.csv.Schema;
import jgrad.data.csv.Table;
import jgrad.data.marketing.MarketingData;
import jgrad.io.ModelFileException;
import jgrad.io.ModelFiles;
import jgrad.serve.RowScorer;
import jgrad.train.Model;

/**
 * A saved {@link BankModel} as a {@link RowScorer}: bank clients in, P(subscribe) = σ(z) out, through the
 * vocabularies and scaling it was saved with ({@link BankFeatures#savedWith}). A row needs the columns the model
 * reads ({@link BankFeatures#schema} without the outcome; not {@code duration}, which leaks the outcome).
 */
public final class BankScorer implements RowScorer {

    private final String name;
    private final Model model;
    private final BankFeatures features;
    private final Schema schema = BankFeatures.schema(false);

    private BankScorer(String name, Model model, BankFeatures features) {
        this.name = name;
        // Scoring threads share the model: in evaluation mode from the start, predict never switches it back to
        // training (and its dropout on) under another thread's query.
        model.eval();
        this.model = model;
        this.features = features;
    }

    /** The model saved at {@code path} by {@code ./jgrad demo --save}, on the device it was read to. */
    public static BankScorer load(Path path) throws IOException {
        if (!ModelFiles.exists(path)) {
            throw new IOException("no model at " + ModelFiles.weightsPath(path));
        }
        return of(ModelFiles.read(path));
    }

    /**
     * The scorer of a read model file, which must hold the demo's campaign model and its fitted features.
     *
     * @throws ModelFileException naming the file, when it holds another model or no usable features
     */
    public static BankScorer of(ModelFiles.Loaded loaded) throws ModelFileException {
        if (!(loaded.model() instanceof Model model)) {
            throw new ModelFileException(loaded.file(), "holds a " + loaded.model().getClass().getSimpleName()
                    + ", not the demo's campaign model");
        }
        return new BankScorer(loaded.file().getFileName() + " (demo campaign model)", model,
                BankFeatures.savedWith(loaded));
    }

    @Override public String name() { return name; }
    @Override public Schema schema() { return schema; }
    @Override public CsvFormat format() { return MarketingData.BANK_FORMAT; }

    @Override
    public double[] score(Table rows) {
        return BankModel.probabilities(model, features.inputs(rows));
    }
}
