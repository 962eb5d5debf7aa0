package jgrad.spark.cli;

import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;

import jgrad.campaign.bank.BankFeatures;
import jgrad.campaign.bank.BankModel;
import jgrad.data.csv.Table;
import jgrad.data.marketing.MarketingData;
import jgrad.io.Json;
import jgrad.nn.Module;
import jgrad.nn.loss.Losses;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.spark.RowTables;
import jgrad.spark.TrainingTask;
import jgrad.tensor.Tensor;
import jgrad.train.Model;

/**
 * The demo's campaign model as a {@link TrainingTask}: {@link BankModel} built from {@code seed} on the
 * features fitted on the training clients (shipped as their saved description), Adam (Keras's, rate 10⁻³) and
 * binary cross-entropy from the logit, exactly as {@code ./jgrad demo} trains it. Rows are bank clients with
 * the UCI columns as text (a CSV read by Spark without a schema); {@code positions} says where each column the
 * model reads sits in a row.
 */
final class BankTraining implements TrainingTask {

    private static final long serialVersionUID = 1L;

    private final String featuresJson;
    private final long seed;
    private final int[] positions;
    /** Rebuilt from the description once per deserialized copy, not once per batch. */
    private transient BankFeatures features;

    private BankTraining(String featuresJson, long seed, int[] positions) {
        this.featuresJson = featuresJson;
        this.seed = seed;
        this.positions = positions;
    }

    static BankTraining of(BankFeatures features, long seed, List<String> columnNames) {
        return new BankTraining(Json.write(features.describe()), seed,
                RowTables.positions(BankFeatures.schema(true), columnNames, "the training rows"));
    }

    @SuppressWarnings("unchecked")
    BankFeatures features() {
        if (features == null) {
            features = BankFeatures.fromDescription((Map<String, Object>) Json.parse(featuresJson));
        }
        return features;
    }

    @Override
    public Module newModel() {
        return BankModel.build(features(), seed);
    }

    @Override
    public Optimizer newOptimizer() {
        return Adam.keras(1e-3);
    }

    @Override
    public Tensor meanLoss(Module model, List<Row> batch) {
        Table clients = RowTables.of(batch, positions, BankFeatures.schema(true), MarketingData.BANK_FORMAT, "a training batch");
        Tensor logits = ((Model) model).call(features().inputs(clients));
        return Losses.binaryCrossEntropy(logits, BankFeatures.targets(BankFeatures.labels(clients)));
    }
}
