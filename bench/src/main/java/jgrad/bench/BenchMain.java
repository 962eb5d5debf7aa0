package jgrad.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point of benchmarks.jar: JMH's own command line, with the Vector API flag handed to every
 * fork and jgrad's {@code --backend} option ({@link BackendArgument}) turned into {@code -p backend=}. The flag is the parent pom's {@code jgrad.vector.flag}, filtered into a resource at build
 * time, so it is declared once. It goes through {@code -jvmArgsPrepend} because a user's
 * {@code -jvmArgs} or {@code -jvmArgsAppend} would replace an annotation's list and drop it.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BackendArgument.Translated jmh;
        try {
            jmh = BackendArgument.translate(args, BackendChoice::unavailableReason);
        } catch (BackendArgument.Refused e) {
            System.err.println("jgrad bench: " + e.getMessage());
            System.exit(e.exitCode);
            return;
        }
        if (jmh.note() != null) {
            System.err.println("jgrad bench: " + jmh.note());
        }
        org.openjdk.jmh.Main.main(withVectorFlag(jmh.args(), vectorFlag()));
    }

    /** The arguments, plus {@code -jvmArgsPrepend flag} unless a prepend already carries the flag. */
    static String[] withVectorFlag(String[] args, String flag) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("-jvmArgsPrepend") && args[i + 1].contains(flag)) {
                return args;
            }
        }
        List<String> all = new ArrayList<>(List.of("-jvmArgsPrepend", flag));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    private static String vectorFlag() throws IOException {
        try (InputStream in = BenchMain.class.getResourceAsStream("/jgrad-bench-jvm.args")) {
            if (in == null) {
                throw new IllegalStateException("jgrad-bench-jvm.args is missing from the jar: rebuild with mvn package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }
}
