package jgrad.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jgrad.data.csv.Table;
import jgrad.io.AtomicFiles;
import jgrad.io.ModelFileException;
import jgrad.io.ModelFiles;
import jgrad.metrics.CampaignAtBudget;
import jgrad.nn.Module;
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
        Path modelPath = Path.of(o.get("--model"));
        Model model = loadModel(modelPath);
        BankFeatures features = loadFeatures(modelPath);
        Table clients = BankClients.load(Path.of(o.get("--data")));
        double[] p = DemoCommand.probabilities(model, features.inputs(clients));
        int[] labels = BankFeatures.labels(clients);
        CampaignAtBudget campaign = CampaignAtBudget.of(p, labels, DemoCommand.BUDGET);
        out.printf(Locale.ROOT, "%s scored %d clients of %s%n%n", modelPath.getFileName(), p.length, o.get("--data"));
        CampaignReport report = new CampaignReport(out);
        report.metrics(campaign, p, labels);
        report.topProspects(clients, p, labels, campaign.called(), k);
        if (o.containsKey("--out")) {
            Path file = Path.of(o.get("--out"));
            writeProbabilities(file, p);
            out.println("\nwrote every client's probability to " + file);
        }
        return 0;
    }

    private static Model loadModel(Path path) throws Exception {
        if (!Files.exists(ModelFiles.architecturePath(path))) {
            throw new UsageException("no model at " + ModelFiles.architecturePath(path)
                    + " (save one with ./jgrad demo --save FILE)");
        }
        Module loaded = ModelFiles.load(path).to(BackendOption.device());
        if (!(loaded instanceof Model model)) {
            throw new IllegalArgumentException(path + " holds a " + loaded.getClass().getSimpleName()
                    + ", not the demo's campaign model");
        }
        return model;
    }

    @SuppressWarnings("unchecked")
    private static BankFeatures loadFeatures(Path path) throws Exception {
        Map<?, ?> preprocessing = ModelFiles.preprocessing(path);
        Path file = ModelFiles.architecturePath(path);
        if (preprocessing.isEmpty()) {
            throw new ModelFileException(file, "saved without its vocabularies and scaling, so raw clients cannot be"
                    + " turned into its inputs; save it again with ./jgrad demo --save FILE");
        }
        try {
            return BankFeatures.fromDescription((Map<String, Object>) preprocessing);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, "bad \"preprocessing\": " + e.getMessage());
        }
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
