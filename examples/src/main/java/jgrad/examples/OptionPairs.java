package jgrad.examples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A command's options as {@code --name value} pairs; a name it does not take, or a missing value, is refused. */
public final class OptionPairs {

    private OptionPairs() {
    }

    /** Option name to value, in the order given; a repeated option is refused (which value was meant?). */
    public static Map<String, String> parse(String[] args, List<String> accepted) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String option = args[i];
            if (!accepted.contains(option)) {
                throw new UsageException("unknown option '" + option + "'; this command takes "
                        + String.join(", ", accepted));
            }
            if (i + 1 >= args.length) {
                throw new UsageException(option + " needs a value");
            }
            if (options.containsKey(option)) {
                throw new UsageException(option + " is given twice ('" + options.get(option) + "' and '" + args[i + 1]
                        + "'); give it once");
            }
            options.put(option, args[i + 1]);
        }
        return options;
    }
}
