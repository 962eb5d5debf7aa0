package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jgrad.campaign.CampaignData;
import jgrad.campaign.CampaignPage;
import jgrad.campaign.CampaignPipeline;
import jgrad.campaign.ClientSchema;
import jgrad.campaign.NeuralResponse;
import jgrad.campaign.OfferCampaign;
import jgrad.campaign.OfferCampaignPage;
import jgrad.data.BadRows;
import jgrad.data.marketing.MarketingData;
import jgrad.data.csv.Table;

/**
 * {@code ./jgrad campaign}: the marketing system end to end on the bundled bank clients (or a CSV of their
 * format): preprocessing, segments, a response model checked against logistic regression, the calls within
 * a budget, and a simulated A/B test against current practice ({@link CampaignPipeline}); prints the summary
 * and, with {@code --report DIR}, writes {@code DIR/campaign.html}. On Hillstrom's e-mail experiment (told by
 * the header, or {@code --schema hillstrom}) it decides whom to e-mail with which e-mail by uplift instead
 * ({@link OfferCampaign}).
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
        return "[--data CSV] [--schema bank|hillstrom] [--budget F] [--seed S] [--epochs N] [--folds K] [--segments K]"
                + " [--target visit|conversion] [--report DIR]";
    }
    @Override public String summary() {
        return "whom to call: segments, response model vs logistic regression, budget, simulated A/B test";
    }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        Map<String, String> o = OptionPairs.parse(args, List.of("--data", "--budget", "--seed", "--epochs", "--folds",
                "--segments", "--report", "--schema", "--target"));
        Path data = o.containsKey("--data") ? ExampleOptions.path("--data", o.get("--data")) : null;
        CampaignData kind = schema(o.get("--schema"), data);
        double budget = o.containsKey("--budget") ? share("--budget", o.get("--budget")) : 0.1;
        long seed = o.containsKey("--seed") ? ExampleOptions.parseSeed(o.get("--seed")) : 1;
        int epochs = o.containsKey("--epochs") ? Main.positiveInt("--epochs", o.get("--epochs")) : 20;
        int folds = o.containsKey("--folds") ? Main.positiveInt("--folds", o.get("--folds")) : 5;
        int segments = o.containsKey("--segments") ? Main.positiveInt("--segments", o.get("--segments")) : 4;
        if (folds < 2) {
            throw new UsageException("--folds must be at least 2, got " + folds);
        }
        Path report = o.containsKey("--report") ? ReportOption.directory(o.get("--report")) : null;
        if (kind == CampaignData.HILLSTROM) {
            refuse(o, "--epochs", "--folds");
            String target = o.getOrDefault("--target", "visit");
            if (!target.equals("visit") && !target.equals("conversion")) {
                throw new UsageException("--target must be visit or conversion, got '" + target + "'");
            }
            return experiment(data, new OfferCampaign.Settings(budget, EXPERIMENT_TEST_FRACTION, segments, target, seed,
                    BackendOption.device()), report, out);
        }
        refuse(o, "--target");

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

    /** Hillstrom's customers are held out by half, as in the uplift protocol: the policy values need many rows. */
    static final double EXPERIMENT_TEST_FRACTION = 0.5;

    /** --schema, or the kind the header says; the bundled bank clients without --data. */
    private static CampaignData schema(String option, Path data) throws java.io.IOException {
        if (option != null && data == null) {
            throw new UsageException("--schema needs --data (without it the campaign runs on the bundled bank clients)");
        }
        if (option != null) {
            try {
                return CampaignData.parse(option);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--schema must be bank or hillstrom, got '" + option + "'");
            }
        }
        return data == null ? CampaignData.BANK : CampaignData.detect(data);
    }

    private static void refuse(Map<String, String> o, String... options) {
        for (String option : options) {
            if (o.containsKey(option)) {
                throw new UsageException(option + " does not go with this data set's campaign");
            }
        }
    }

    private static int experiment(Path data, OfferCampaign.Settings settings, Path report, PrintStream out)
            throws java.io.IOException {
        Table customers = MarketingData.hillstrom(data, BadRows.failFast());
        OfferCampaignSummary summary = new OfferCampaignSummary(out);
        summary.header(data.toString(), customers.rowCount(), settings);
        long start = System.nanoTime();
        OfferCampaign.Result result = CampaignPipeline.runExperiment(customers, settings,
                line -> out.printf(Locale.ROOT, "  [%5.1f s] %s%n", (System.nanoTime() - start) / 1e9, line));
        summary.result(result, settings);
        if (report != null) {
            ReportOption.write(OfferCampaignPage.of(result, settings, data.toString()), report, "campaign", out);
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
