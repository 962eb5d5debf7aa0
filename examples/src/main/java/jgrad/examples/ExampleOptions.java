package jgrad.examples;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The options shared by the examples and the demo: {@code --epochs N}, {@code --seed S},
 * {@code --save FILE}, {@code --data PATH}. Each program says which it accepts, so a mistyped or
 * unsupported option is refused instead of ignored.
 */
record ExampleOptions(int epochs, long seed, Path save, Path data) {

    /** Parses {@code args}; options not given keep the defaults, those not in {@code accepted} are refused. */
    static ExampleOptions parse(String[] args, List<String> accepted, int defaultEpochs, long defaultSeed) {
        int epochs = defaultEpochs;
        long seed = defaultSeed;
        Path save = null;
        Path data = null;
        for (Map.Entry<String, String> e : OptionPairs.parse(args, accepted).entrySet()) {
            String option = e.getKey();
            String value = e.getValue();
            switch (option) {
                case "--epochs" -> epochs = Main.positiveInt("--epochs", value);
                case "--seed" -> seed = parseSeed(value);
                case "--save" -> save = Path.of(value);
                case "--data" -> data = Path.of(value);
                default -> throw new IllegalStateException("option " + option + " is accepted but not parsed");
            }
        }
        return new ExampleOptions(epochs, seed, save, data);
    }

    private static long parseSeed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException("--seed must be a whole number, got '" + text + "'");
        }
    }
}
