package jgrad.examples;

import java.io.PrintStream;
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
        return example.run(Arrays.copyOfRange(args, 1, args.length), out);
    }

    private static String names() {
        return EXAMPLES.stream().map(Example::name).collect(Collectors.joining(", "));
    }
}
