package jgrad.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import jgrad.examples.Main;

/**
 * The spark commands' bad inputs, in the style of {@code examples}' {@code BadInputsTest} (which cannot run
 * them: the examples module has no Spark): each case is a command line, the exit status it must end with and
 * the words its message must contain, with no stack trace. A malformed row is found on an executor; its
 * message reaches the user as in one JVM, naming the partition's rows and the column.
 */
class SparkBadInputsTest {

    @TempDir
    static Path dir;
    static Path model;
    static Path csv;

    record Case(String[] args, int code, List<String> words) {
        static Case of(int code, List<String> words, String... args) {
            return new Case(args, code, words);
        }

        String title() {
            return String.join(" ", args).replace(dir.toString(), "DIR") + " -> " + code;
        }
    }

    @BeforeAll
    static void files() throws Exception {
        model = BankDemoModels.trainAndSave(dir, 1, 42);
        csv = BankDemoModels.BUNDLED;
    }

    /** The bundled CSV with {@code column} set to {@code value} in data row 3 (or dropped when value is null). */
    private static Path bankWith(String name, String column, String value) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        List<String> header = List.of(lines.get(0).replace("\"", "").split(";"));
        int c = header.indexOf(column);
        for (int r = 0; r < lines.size(); r++) {
            List<String> cells = new ArrayList<>(List.of(lines.get(r).split(";", -1)));
            if (value == null) {
                cells.remove(c);
            } else if (r == 3) {
                cells.set(c, value);
            }
            lines.set(r, String.join(";", cells));
        }
        return Files.write(dir.resolve(name), lines);
    }

    private static List<Case> cases() throws IOException {
        String m = model.toString();
        String data = csv.toString();
        String out = dir.resolve("out").toString();
        List<Case> c = new ArrayList<>();
        c.add(Case.of(2, List.of("needs --model FILE", "--out DIR"), "spark-score", "--model", m, "--data", data));
        c.add(Case.of(2, List.of("--model: no model at", "nothing.safetensors"), "spark-score", "--model",
                dir.resolve("nothing").toString(), "--data", data, "--out", out));
        c.add(Case.of(1, List.of("--data", "no such file"), "spark-score", "--model", m, "--data",
                dir.resolve("absent.csv").toString(), "--out", out));
        c.add(Case.of(1, List.of("--out", "already exists"), "spark-score", "--model", m, "--data", data, "--out",
                dir.toString()));
        c.add(Case.of(2, List.of("--partitions must be a positive whole number", "'0'"), "spark-score", "--model", m,
                "--data", data, "--out", out, "--partitions", "0"));
        c.add(Case.of(1, List.of("no column 'euribor3m'", "preprocessing needs"), "spark-score", "--model", m,
                "--data", bankWith("no-euribor.csv", "euribor3m", null).toString(), "--out", out + "-1"));
        c.add(Case.of(1, List.of("rows 1-", "age", "abc"), "spark-score", "--model", m, "--data",
                bankWith("bad-age.csv", "age", "abc").toString(), "--out", out + "-2"));
        c.add(Case.of(2, List.of("--partitions must be a positive whole number", "'x'"), "spark-train",
                "--partitions", "1,x"));
        c.add(Case.of(2, List.of("needs --model FILE"), "spark-scale"));
        return c;
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputEndsWithItsExitCodeAndAMessageNamingTheThing() throws Exception {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.title(), () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(c.args(), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), SparkMain.COMMANDS);
            String all = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
            Supplier<String> shown = () -> "exit " + code + "\n" + all;
            assertEquals(c.code(), code, shown);
            for (String word : c.words()) {
                assertTrue(all.contains(word), () -> "missing '" + word + "'\n" + shown.get());
            }
            assertFalse(all.contains("\tat ") || all.contains("Exception in thread"), shown);
        }));
    }
}
