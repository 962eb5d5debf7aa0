package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jgrad.campaign.CampaignPage;
import jgrad.campaign.CampaignPipeline;
import jgrad.campaign.ClientSchema;
import jgrad.campaign.NeuralResponse;
import jgrad.data.csv.Table;

/**
 * {@code ./jgrad campaign}: the marketing system end to end on the bundled bank clients (or a CSV of their
 * format): preprocessing, segments, a response model checked against logistic regression, the calls within
 * a budget, and a simulated A/B test against current practice ({@link CampaignPipeline}); prints the summary
 * and, with {@code --report DIR}, writes {@code DIR/campaign.html}.
 */
final class CampaignCommand implements Command {

    static final double TEST_FRACTION = 0.2;
    static final int HIDDEN = 16;
    static final double DROPOUT = 0.5;
    static final double LEARNING_RATE = 1e-3;
    static final double WEIGHT_DECAY = 1e-1;
    static final int BATCH = 64;
    static final boolean WIDE = true;

    @Override public String name() { return "campaign"; }
    @Override public String usage() {
        return "[--data CSV] [--budget F] [--seed S] [--epochs N] [--folds K] [--segments K] [--report DIR]";
    }
    @Override public String summary() {
        return "whom to call: segments, response model vs logistic regression, budget, simulated A/B test";
    }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        Map<String, String> o = OptionPairs.parse(args, List.of("--data", "--budget", "--seed", "--epochs", "--folds",
                "--segments", "--report"));
        Path data = o.containsKey("--data") ? ExampleOptions.path("--data", o.get("--data")) : null;
        double budget = o.containsKey("--budget") ? share("--budget", o.get("--budget")) : 0.1;
        long seed = o.containsKey("--seed") ? ExampleOptions.parseSeed(o.get("--seed")) : 1;
        int epochs = o.containsKey("--epochs") ? Main.positiveInt("--epochs", o.get("--epochs")) : 20;
        int folds = o.containsKey("--folds") ? Main.positiveInt("--folds", o.get("--folds")) : 5;
        int segments = o.containsKey("--segments") ? Main.positiveInt("--segments", o.get("--segments")) : 4;
        if (folds < 2) {
            throw new UsageException("--folds must be at least 2, got " + folds);
        }
        Path report = o.containsKey("--report") ? ReportOption.directory(o.get("--report")) : null;

        Table clients = BankClients.load(data);
        if (clients.rowCount() < DemoCommand.MIN_CLIENTS) {
            throw new IllegalArgumentException(BankClients.describe(data) + ": holds " + clients.rowCount()
                    + " clients; the campaign needs at least " + DemoCommand.MIN_CLIENTS);
        }
        NeuralResponse network = new NeuralResponse(HIDDEN, DROPOUT, LEARNING_RATE, WEIGHT_DECAY, epochs, BATCH, WIDE,
                BackendOption.device());
        CampaignPipeline.Settings settings = new CampaignPipeline.Settings(budget, TEST_FRACTION, folds, segments,
                network, seed);
        CampaignSummary summary = new CampaignSummary(out);
        summary.header(BankClients.describe(data), clients.rowCount(), settings);
        long start = System.nanoTime();
        CampaignPipeline.Result result = CampaignPipeline.run(clients, ClientSchema.BANK, settings,
                line -> out.printf(Locale.ROOT, "  [%5.1f s] %s%n", (System.nanoTime() - start) / 1e9, line));
        summary.result(result, settings);
        if (report != null) {
            ReportOption.write(CampaignPage.of(result, settings, BankClients.describe(data)), report, "campaign", out);
        }
        return 0;
    }

    /** A share in (0, 1]. */
    static double share(String option, String text) {
        double v = Main.positiveNumber(option, text);
        if (v > 1) {
            throw new UsageException(option + " is the share of clients to call, in (0, 1]; got '" + text + "'");
        }
        return v;
    }
}
