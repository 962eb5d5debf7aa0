package jgrad.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jgrad.io.ModelFiles;
import jgrad.text.SentimentModel;

/**
 * {@code ./jgrad sentiment --model FILE --text "..."}: the probability that a text is positive, from a
 * model saved by {@code ./jgrad example sentiment --model KIND --save FILE}.
 */
final class SentimentCommand implements Command {

    @Override public String name() { return "sentiment"; }
    @Override public String usage() { return "--model FILE --text \"...\""; }
    @Override public String summary() { return "a saved sentiment model's P(positive) for a text"; }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        Map<String, String> o = OptionPairs.parse(args, List.of("--model", "--text"));
        if (!o.containsKey("--model") || !o.containsKey("--text")) {
            throw new UsageException("needs --model FILE (from ./jgrad example sentiment --model cnn --save FILE)"
                    + " and --text \"...\"");
        }
        Path path = ExampleOptions.path("--model", o.get("--model"));
        if (!ModelFiles.exists(path)) {
            throw new UsageException("--model: no model at " + ModelFiles.weightsPath(path)
                    + " (save one with ./jgrad example sentiment --model cnn --save FILE)");
        }
        String text = o.get("--text");
        if (text.isBlank()) {
            throw new UsageException("--text is empty: give the sentence to score");
        }
        SentimentModel model = SentimentModel.load(path);
        model.network().to(BackendOption.device());
        double p = model.positiveProbability(text);
        out.printf(Locale.ROOT, "%s  P(positive) = %.4f  (%s model, %s)%n", p >= 0.5 ? "positive" : "negative", p,
                model.kind().label(), path.getFileName());
        return 0;
    }
}
