package jgrad.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jgrad.campaign.bank.BankFeatures;
import jgrad.campaign.bank.BankModel;
import jgrad.campaign.bank.BankScorer;
import jgrad.data.csv.Table;
import jgrad.io.AtomicFiles;
import jgrad.io.ModelFileException;
import jgrad.io.ModelFiles;
import jgrad.metrics.CampaignAtBudget;
import jgrad.train.Model;

/**
 * {@code ./jgrad score --model FILE --data CSV [-k K] [--out CSV]}: a campaign model saved by
 * {@code ./jgrad demo --save FILE} applied to the clients of a bank CSV, through the vocabularies and scaling
 * it was fitted with. Prints the ranking's quality against the file's outcomes and the K clients to call
 * first; {@code --out} writes every client's probability ({@code row} counts the file's data rows from 1).
 */
final class ScoreCommand implements Command {

    @Override public String name() { return "score"; }
    @Override public String usage() { return "--model FILE --data CSV [-k K] [--out CSV]"; }
    @Override public String summary() { return "a saved demo model's subscription probabilities for a bank CSV"; }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        Map<String, String> o = OptionPairs.parse(args, List.of("--model", "--data", "-k", "--out"));
        if (!o.containsKey("--model") || !o.containsKey("--data")) {
            throw new UsageException("needs --model FILE (from ./jgrad demo --save FILE) and --data CSV");
        }
        int k = o.containsKey("-k") ? Main.positiveInt("-k", o.get("-k")) : 10;
        Path modelPath = ExampleOptions.path("--model", o.get("--model"));
        Path data = ExampleOptions.path("--data", o.get("--data"));
        Path outFile = o.containsKey("--out") ? ExampleOptions.path("--out", o.get("--out")) : null;
        ModelFiles.Loaded loaded = loadModel(modelPath);
        Model model = (Model) loaded.model();
        BankFeatures features = BankFeatures.savedWith(loaded);
        Table clients = BankClients.load(data);
        if (clients.rowCount() == 0) {
            throw new IllegalArgumentException(data + ": holds no clients, only a header line");
        }
        double[] p = BankModel.probabilities(model, features.inputs(clients));
        int[] labels = BankFeatures.labels(clients);
        CampaignAtBudget campaign = CampaignAtBudget.of(p, labels, DemoCommand.BUDGET);
        out.printf(Locale.ROOT, "%s scored %d clients of %s%n%n", modelPath.getFileName(), p.length, o.get("--data"));
        CampaignReport report = new CampaignReport(out);
        report.metrics(campaign, p, labels);
        report.topProspects(clients, p, labels, campaign.called(), k);
        if (k > campaign.called().length) {
            out.printf("(-k %d is more than the %d clients the campaign calls: all %d are shown)%n", k,
                    campaign.called().length, campaign.called().length);
        }
        if (outFile != null) {
            writeProbabilities(outFile, p);
            out.println("\nwrote every client's probability to " + outFile);
        }
        return 0;
    }

    static ModelFiles.Loaded loadModel(Path path) throws Exception {
        if (!ModelFiles.exists(path)) {
            throw new UsageException("--model: no model at " + ModelFiles.weightsPath(path)
                    + " (save one with ./jgrad demo --save FILE)");
        }
        ModelFiles.Loaded loaded = ModelFiles.read(path);
        if (!(loaded.model() instanceof Model)) {
            throw new ModelFileException(loaded.file(), "holds a " + loaded.model().getClass().getSimpleName()
                    + ", not the demo's campaign model");
        }
        loaded.model().to(BackendOption.device());
        return loaded;
    }

    /** The model at {@code path} as a scorer of raw clients, on the device of {@code --backend}. */
    static BankScorer scorer(Path path) throws Exception {
        return BankScorer.of(loadModel(path));
    }

    private static void writeProbabilities(Path file, double[] p) throws Exception {
        AtomicFiles.write(file, stream -> {
            StringBuilder sb = new StringBuilder("row,probability\n");
            for (int r = 0; r < p.length; r++) {
                sb.append(r + 1).append(',').append(p[r]).append('\n');
            }
            stream.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        });
    }
}
