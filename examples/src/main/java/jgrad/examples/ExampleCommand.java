package jgrad.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** {@code ./jgrad example NAME [OPTIONS]}: dispatches to the {@link Example} of that name. */
final class ExampleCommand implements Command {

    private static final List<Example> EXAMPLES = List.of(
            new FashionMnistExample(),
            new FashionMnistDpExample(),
            new MovieDpExample(),
            new MovieFedExample(),
            new FedAvgExample(),
            new FashionCnnExample(),
            new SentimentExample(),
            new CopywriterExample(),
            new RatingExample(RatingExample.Variant.DOT),
            new RatingExample(RatingExample.Variant.CONCAT),
            new RatingExample(RatingExample.Variant.BMF),
            new MovieMlpExample(),
            new NcfExample(jgrad.recsys.Ncf.Kind.GMF, "gmf"),
            new NcfExample(jgrad.recsys.Ncf.Kind.MLP, "ncf-mlp"),
            new NcfExample(jgrad.recsys.Ncf.Kind.NEUMF, "neumf"),
            new TransferExample(),
            new DinExample(),
            new SequenceExample(SequenceExample.Kind.POP),
            new SequenceExample(SequenceExample.Kind.GRU4REC),
            new SequenceExample(SequenceExample.Kind.SASREC));

    @Override public String name() { return "example"; }
    @Override public String usage() { return "NAME [--data PATH] [--epochs N] [--seed S] [--save FILE] [--report DIR]"; }
    @Override public String summary() { return "a document's example on real data: " + names(); }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        if (args.length == 0) {
            throw new UsageException("needs the name of an example: " + names());
        }
        Example example = EXAMPLES.stream().filter(e -> e.name().equals(args[0])).findFirst()
                .orElseThrow(() -> new UsageException("unknown example '" + args[0] + "'; known: " + names()));
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        ExampleReport report = reportOption(example, rest);
        int code = example.run(rest.toArray(String[]::new), out, report);
        report.write(out);
        return code;
    }

    /**
     * The report hook of this run: on when {@code --report DIR} is among the options (taken out of them), its
     * directory made and tried before any work; refused for an example that does not fill the hook.
     */
    private static ExampleReport reportOption(Example example, List<String> options) {
        int at = options.indexOf("--report");
        if (at < 0 || at % 2 != 0) {
            return ExampleReport.off();
        }
        if (at + 1 >= options.size()) {
            throw new UsageException("--report needs a value");
        }
        if (!example.reports()) {
            throw new UsageException("example '" + example.name() + "' writes no report yet; these do: "
                    + EXAMPLES.stream().filter(Example::reports).map(Example::name).collect(Collectors.joining(", ")));
        }
        String value = options.get(at + 1);
        options.subList(at, at + 2).clear();
        if (options.contains("--report")) {
            throw new UsageException("--report is given twice; give it once");
        }
        return ExampleReport.into(ReportOption.directory(value), example.name());
    }

    private static String names() {
        return EXAMPLES.stream().map(Example::name).collect(Collectors.joining(", "));
    }
}
