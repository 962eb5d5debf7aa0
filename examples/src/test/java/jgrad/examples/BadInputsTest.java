package jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import jgrad.backend.DType;
import jgrad.io.ModelFiles;
import jgrad.nn.Activation;
import jgrad.nn.layers.Dense;
import jgrad.recsys.DotRecommender;
import jgrad.sequence.SasRec;
import jgrad.train.Sequential;

/**
 * The catalogue of bad inputs, command by command: each case is a command line, the exit status it
 * must end with ({@link ExitCodes}) and the words its message must contain (the file, option, column or
 * tensor it is about, and what is wrong). Every case also checks that nothing was printed as a stack
 * trace. The files the cases read are made here, once, from the bundled bank data.
 */
class BadInputsTest {

    @TempDir
    static Path dir;

    static Path bankCsv;
    static Path bankModel;

    /** A port held open for the whole test, so that serve finds it taken. */
    static java.net.ServerSocket busyPort;

    /** A case: what was typed, the expected exit status, and the words the output must contain. */
    /** {@code words} must all appear in the output, except those marked "!word", which must not (a raw id). */
    record Case(String command, String[] args, int code, List<String> words, Map<String, String> jvmOptions) {

        static Case of(String command, int code, List<String> words, String... args) {
            return new Case(command, args, code, words, Map.of());
        }

        Case withJvm(String property, String value) {
            return new Case(command, args, code, words, Map.of(property, value));
        }

        String title() {
            return command + " | " + String.join(" ", args).replace(dir.toString(), "DIR") + " -> " + code;
        }
    }

    private static Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /**
     * The bundled bank CSV with {@code column}'s value replaced in every other data row (the first
     * included), so that the training rows of any split hold it among ordinary values.
     */
    private static Path bankWith(String name, String column, String value) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(bankCsv));
        List<String> header = List.of(lines.get(0).replace("\"", "").split(";"));
        for (int r = 1; r < lines.size(); r += 2) {
            String[] cells = lines.get(r).split(";", -1);
            cells[header.indexOf(column)] = value;
            lines.set(r, String.join(";", cells));
        }
        return Files.write(dir.resolve(name), lines);
    }

    @BeforeAll
    static void makeInputs() throws Exception {
        bankCsv = Files.copy(Path.of("src/main/resources" + BankClients.RESOURCE), dir.resolve("bank.csv"));
        busyPort = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        bankModel = dir.resolve("bank");
        Run demo = Run.of("demo", "--epochs", "1", "--save", bankModel.toString());
        assertEquals(0, demo.code(), demo.err());
    }

    @org.junit.jupiter.api.AfterAll
    static void freePort() throws IOException {
        busyPort.close();
    }

    private static List<Case> cases() throws Exception {
        List<Case> c = new ArrayList<>();
        String csv = bankCsv.toString();
        String model = bankModel.toString();
        List<String> lines = Files.readAllLines(bankCsv);
        Path headerOnly = Files.write(dir.resolve("header-only.csv"), lines.subList(0, 1));
        Path oneRow = Files.write(dir.resolve("one-row.csv"), lines.subList(0, 2));
        Path binary = Files.write(dir.resolve("binary.csv"), new byte[] {'a', 'g', 'e', ';', (byte) 0xFF, (byte) 0xFE, 0, 1});
        Path huge = bankWith("huge.csv", "euribor3m", "1e308");
        Path infinite = bankWith("infinite.csv", "cons.conf.idx", "Infinity");
        Path badNumber = bankWith("bad-number.csv", "age", "forty");
        Path subdir = Files.createDirectories(dir.resolve("a-directory"));
        Path fifo = dir.resolve("pipe.safetensors");
        boolean haveFifo = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;

        // ---------------------------------------------------------------- the launcher itself
        c.add(Case.of("(none)", 2, List.of("usage: ./jgrad COMMAND")));
        c.add(Case.of("(none)", 2, List.of("unknown command 'frobnicate'"), "frobnicate"));
        c.add(Case.of("(none)", 2, List.of("--backend needs a value"), "info", "--backend"));
        c.add(Case.of("(none)", 2, List.of("unknown backend 'tpu'"), "--backend", "tpu", "info"));
        c.add(Case.of("(none)", 2, List.of("-Djgrad.threads=lots", "not a whole number"), "gemm", "8").withJvm("jgrad.threads", "lots"));
        c.add(Case.of("(none)", 2, List.of("-Djgrad.threads=100000", "outside 1"), "gemm", "8")
                .withJvm("jgrad.threads", "100000"));
        c.add(Case.of("(none)", 2, List.of("-Djgrad.threads=0", "outside 1"), "gemm", "8").withJvm("jgrad.threads", "0"));

        // ---------------------------------------------------------------- demo
        c.add(Case.of("demo", 2, List.of("--epochs", "positive whole number", "'0'"), "demo", "--epochs", "0"));
        c.add(Case.of("demo", 2, List.of("--epochs", "'-3'"), "demo", "--epochs", "-3"));
        c.add(Case.of("demo", 2, List.of("--epochs", "'99999999999'"), "demo", "--epochs", "99999999999"));
        c.add(Case.of("demo", 2, List.of("--seed must be a whole number", "'1.5'"), "demo", "--seed", "1.5"));
        c.add(Case.of("demo", 2, List.of("--save needs a file name", "''"), "demo", "--save", ""));
        c.add(Case.of("demo", 2, List.of("--data needs a file name"), "demo", "--data", " "));
        c.add(Case.of("demo", 2, List.of("unknown option '--epoch'"), "demo", "--epoch", "3"));
        c.add(Case.of("demo", 2, List.of("--cv needs at least 2 folds"), "demo", "--cv", "1"));
        c.add(Case.of("demo", 2, List.of("--cv", "positive whole number", "'five'"), "demo", "--cv", "five"));
        c.add(Case.of("demo", 2, List.of("--cv-repeats needs --cv K"), "demo", "--cv-repeats", "3"));
        c.add(Case.of("demo", 2, List.of("--cv needs a value"), "demo", "--epochs", "2", "--cv"));
        c.add(Case.of("demo", 2, List.of("--seed needs a value"), "demo", "--seed"));
        c.add(Case.of("demo", 2, List.of("--epochs is given twice", "'1'", "'2'"), "demo", "--epochs", "1", "--epochs", "2"));
        c.add(Case.of("demo", 1, List.of("no-such.csv", "no such file"), "demo", "--data", dir.resolve("no-such.csv").toString()));
        c.add(Case.of("demo", 1, List.of("a-directory", "is a directory"), "demo", "--data", subdir.toString()));
        c.add(Case.of("demo", 1, List.of("/dev/null", "not a regular file"), "demo", "--data", "/dev/null"));
        c.add(Case.of("demo", 1, List.of("header-only.csv", "holds 0 clients", "at least 50"), "demo", "--data",
                headerOnly.toString()));
        c.add(Case.of("demo", 1, List.of("binary.csv:1", "not UTF-8 text", "binary"), "demo", "--data", binary.toString()));
        c.add(Case.of("demo", 1, List.of("bad-number.csv:2", "age", "forty"), "demo", "--data", badNumber.toString()));
        c.add(Case.of("demo", 1, List.of("column 'euribor3m'", "not finite", "1.0E308"), "demo", "--data", huge.toString()));
        // the reader refuses the word "Infinity" before any statistic is fitted: named by file, line and column
        c.add(Case.of("demo", 1, List.of("infinite.csv:2", "column 'cons.conf.idx'", "'Infinity'"), "demo", "--data",
                infinite.toString()));
        Path clash = Files.createDirectories(dir.resolve("clash.safetensors"));
        c.add(Case.of("demo", 2, List.of("--save", "clash.safetensors", "is a directory"), "demo", "--epochs", "1",
                "--save", dir.resolve("clash").toString()));
        // a report directory that cannot be written is refused before any training
        Path notADirectory = write("not-a-directory", "a plain file");
        c.add(Case.of("demo", 1, List.of("--report", "not-a-directory", "is a file, not a directory"), "demo",
                "--report", notADirectory.toString()));
        c.add(Case.of("demo", 1, List.of("--report", "not-a-directory/reports", "cannot be written"), "demo",
                "--report", notADirectory.resolve("reports").toString()));
        c.add(Case.of("demo", 2, List.of("--report needs a file name"), "demo", "--report", ""));

        // ---------------------------------------------------------------- gemm
        c.add(Case.of("gemm", 2, List.of("needs the matrix size N"), "gemm"));
        c.add(Case.of("gemm", 2, List.of("N must be a positive whole number", "'0'"), "gemm", "0"));
        c.add(Case.of("gemm", 2, List.of("N must be", "'big'"), "gemm", "big"));
        c.add(Case.of("gemm", 2, List.of("ROUNDS", "'0'"), "gemm", "8", "0"));
        c.add(Case.of("gemm", 2, List.of("ROUNDS must be at most 1000"), "gemm", "8", "5000"));
        c.add(Case.of("gemm", 4, List.of("N = 100000", "GiB", "-Xmx", "N ≤ 46340"), "gemm", "100000"));
        c.add(Case.of("gemm", 4, List.of("N = 46000", "GiB", "this JVM may use"), "gemm", "46000"));

        // ---------------------------------------------------------------- golden
        Path goldenDir = Files.createDirectories(dir.resolve("golden"));
        Path empty = write("golden/empty.json", """
                {"name": "checks_nothing", "op": "dense", "config": {"activation": "linear"},
                 "params": {"W": {"shape": [1, 2], "data": [1, 2]}, "b": {"shape": [1], "data": [0]}},
                 "inputs": {"x": {"shape": [1, 2], "data": [3, 4]}}, "outputs": {}, "grads": {}}
                """);
        Path deep = write("deep.json", "{\"name\": " + "[".repeat(100_000));
        Path syntax = write("syntax.json", "{\"name\": \"x\",\n \"op\": }");
        Path goldenBinary = Files.write(dir.resolve("golden-binary.json"), new byte[] {'{', (byte) 0xC0, 0});
        Path dup = write("dup.json", "{\"name\": \"a\", \"name\": \"b\"}");
        c.add(Case.of("golden", 2, List.of("no *.json cases given"), "golden"));
        c.add(Case.of("golden", 2, List.of("no such file or directory", "nowhere"), "golden", dir.resolve("nowhere").toString()));
        c.add(Case.of("golden", 2, List.of("--dtype must be f32 or f64", "'f16'"), "golden", "--dtype", "f16", goldenDir.toString()));
        c.add(Case.of("golden", 2, List.of("--dtype needs a value"), "golden", goldenDir.toString(), "--dtype"));
        c.add(Case.of("golden", 2, List.of("no *.json cases"), "golden", subdir.toString()));
        c.add(Case.of("golden", 1, List.of("checks_nothing", "nothing to check", "0 passed, 2 failed"), "golden",
                empty.toString()));
        c.add(Case.of("golden", 1, List.of("deep.json", "nested more than 200", "0 passed, 1 failed"), "golden",
                "--dtype", "f64", deep.toString()));
        c.add(Case.of("golden", 1, List.of("syntax.json", "line 2, column 8"), "golden", "--dtype", "f64", syntax.toString()));
        c.add(Case.of("golden", 1, List.of("golden-binary.json", "line 1", "not UTF-8"), "golden", "--dtype", "f64",
                goldenBinary.toString()));
        c.add(Case.of("golden", 1, List.of("dup.json", "\"name\" appears twice"), "golden", "--dtype", "f64", dup.toString()));
        c.add(Case.of("golden", 1, List.of("/dev/null", "not a regular file"), "golden", "--dtype", "f64", "/dev/null"));

        // ---------------------------------------------------------------- anonymize
        Path released = dir.resolve("released.csv");
        Path shortKey = write("short.key", "00112233445566778899aabbccddee\n");
        Path notHex = write("nothex.key", "this is the secret passphrase");
        c.add(Case.of("anonymize", 2, List.of("needs --quasi"), "anonymize", "--data", csv, "--schema", "bank", "--k", "5",
                "--out", released.toString()));
        c.add(Case.of("anonymize", 2, List.of("--schema", "unknown schema 'census'"), "anonymize", "--data", csv,
                "--schema", "census", "--quasi", "age", "--k", "5", "--out", released.toString()));
        c.add(Case.of("anonymize", 2, List.of("--quasi", "'duration'", "no generalization hierarchy"), "anonymize",
                "--data", csv, "--schema", "bank", "--quasi", "age,duration", "--k", "5", "--out", released.toString()));
        c.add(Case.of("anonymize", 2, List.of("--k must be a positive whole number", "'0'"), "anonymize", "--data", csv,
                "--schema", "bank", "--quasi", "age", "--k", "0", "--out", released.toString()));
        c.add(Case.of("anonymize", 1, List.of("k = 5000", "larger than the data", "4119 rows"), "anonymize", "--data",
                csv, "--schema", "bank", "--quasi", "age", "--k", "5000", "--out", released.toString()));
        c.add(Case.of("anonymize", 2, List.of("no column 'salary'"), "anonymize", "--data", csv, "--schema", "bank",
                "--quasi", "age", "--sensitive", "salary", "--k", "5", "--out", released.toString()));
        c.add(Case.of("anonymize", 2, List.of("--max-suppressed", "'100'"), "anonymize", "--data", csv, "--schema",
                "bank", "--quasi", "age", "--k", "5", "--max-suppressed", "100", "--out", released.toString()));
        c.add(Case.of("anonymize", 2, List.of("--pseudonymize COL and --key-file FILE go together"), "anonymize",
                "--data", csv, "--schema", "bank", "--quasi", "age", "--k", "5", "--key-file", shortKey.toString(),
                "--out", released.toString()));
        c.add(Case.of("anonymize", 1, List.of("short.key", "120 bits", "at least 128", "!00112233445566778899"), "anonymize", "--data", csv,
                "--schema", "bank", "--quasi", "age", "--k", "5", "--pseudonymize", "job", "--key-file",
                shortKey.toString(), "--out", released.toString()));
        c.add(Case.of("anonymize", 1, List.of("nothex.key", "hex digits", "!secret passphrase"), "anonymize", "--data", csv, "--schema",
                "bank", "--quasi", "age", "--k", "5", "--pseudonymize", "job", "--key-file", notHex.toString(), "--out",
                released.toString()));
        // y has two values: no class can hold three
        c.add(Case.of("anonymize", 1, List.of("no generalization", "k = 5, l = 3", "at most 0 %"), "anonymize", "--data",
                csv, "--schema", "bank", "--quasi", "age,job", "--sensitive", "y", "--k", "5", "--l", "3",
                "--max-suppressed", "0", "--out", released.toString()));

        // ---------------------------------------------------------------- dp-epsilon
        c.add(Case.of("dp-epsilon", 2, List.of("needs --batch"), "dp-epsilon", "--n", "100", "--epochs", "1", "--sigma", "1"));
        c.add(Case.of("dp-epsilon", 2, List.of("exactly one of --sigma", "--epsilon"), "dp-epsilon", "--n", "100",
                "--batch", "10", "--epochs", "1"));
        c.add(Case.of("dp-epsilon", 2, List.of("--sigma must be a positive number", "'0'"), "dp-epsilon", "--n", "100",
                "--batch", "10", "--epochs", "1", "--sigma", "0"));
        c.add(Case.of("dp-epsilon", 2, List.of("--sigma must be a positive number", "'-1'"), "dp-epsilon", "--n", "100",
                "--batch", "10", "--epochs", "1", "--sigma", "-1"));
        c.add(Case.of("dp-epsilon", 2, List.of("--batch 200 is larger than --n 100"), "dp-epsilon", "--n", "100",
                "--batch", "200", "--epochs", "1", "--sigma", "1"));
        c.add(Case.of("dp-epsilon", 2, List.of("--delta must be below 1"), "dp-epsilon", "--n", "100", "--batch", "10",
                "--epochs", "1", "--sigma", "1", "--delta", "2"));
        c.add(Case.of("dp-epsilon", 1, List.of("ε = 0.01 cannot be reached", "1000 steps"), "dp-epsilon", "--n", "100",
                "--batch", "50", "--epochs", "500", "--epsilon", "0.01"));

        c.add(Case.of("example", 2, List.of("--epsilon must be a positive number", "'0'"), "example", "fashion-mnist-dp",
                "--epsilon", "0"));
        c.add(Case.of("example", 2, List.of("--non-private must be true or false", "'yes'"), "example",
                "fashion-mnist-dp", "--non-private", "yes"));
        c.add(Case.of("example", 2, List.of("--model must be mlp, cnn or attention", "'vgg'"), "example", "fashion-mnist-dp",
                "--model", "vgg"));
        c.add(Case.of("example", 2, List.of("--clip must be a positive number", "'-0.5'"), "example",
                "fashion-mnist-dp", "--clip", "-0.5"));
        c.add(Case.of("example", 2, List.of("--batch must be a positive whole number", "'0'"), "example",
                "fashion-mnist-dp", "--batch", "0"));

        c.add(Case.of("example", 2, List.of("--epsilons must be a positive number", "'-1'"), "example", "movie-dp",
                "--epsilons", "1,-1"));
        c.add(Case.of("example", 2, List.of("--clip must be a positive number", "'0'"), "example", "movie-dp",
                "--clip", "0"));
        c.add(Case.of("example", 2, List.of("unknown option '--sigma'"), "example", "movie-dp", "--sigma", "1"));

        c.add(Case.of("example", 2, List.of("--fraction must be in (0, 1]", "'2'"), "example", "movie-fed",
                "--fraction", "2"));
        c.add(Case.of("example", 2, List.of("--rounds must be a positive whole number", "'0'"), "example", "movie-fed",
                "--rounds", "0"));

        c.add(Case.of("example", 2, List.of("--partition must be iid or shards", "'dirichlet'"), "example", "fedavg",
                "--partition", "dirichlet"));
        c.add(Case.of("example", 2, List.of("--clients must be a positive whole number", "'0'"), "example", "fedavg",
                "--clients", "0"));
        c.add(Case.of("example", 2, List.of("--dp-noise must be a number ≥ 0", "'-1'"), "example", "fedavg",
                "--dp-noise", "-1", "--dp-clip", "1"));
        c.add(Case.of("example", 2, List.of("--dp-clip must be a positive number", "'0'"), "example", "fedavg",
                "--dp-noise", "1", "--dp-clip", "0"));
        c.add(Case.of("example", 2, List.of("needs both --dp-noise Z and --dp-clip S"), "example", "fedavg",
                "--dp-noise", "1"));
        c.add(Case.of("example", 2, List.of("--secure true applies to DP-FedAvg"), "example", "fedavg",
                "--secure", "true"));
        c.add(Case.of("example", 2, List.of("--secure must be true or false", "'maybe'"), "example", "fedavg",
                "--secure", "maybe"));

        // ---------------------------------------------------------------- score
        Path plain = dir.resolve("plain");
        ModelFiles.saveWeights(new Sequential(new Dense(2, 1, Activation.LINEAR, new SplittableRandom(1))),
                dir.resolve("plain.safetensors"));
        Path dense = dir.resolve("dense");
        ModelFiles.save(new Sequential(new Dense(2, 1, Activation.LINEAR, new SplittableRandom(1))), dense);
        byte[] good = Files.readAllBytes(ModelFiles.weightsPath(bankModel));
        byte[] flipped = good.clone();
        flipped[flipped.length - 3] ^= 0x10;
        Path tampered = Files.write(dir.resolve("tampered.safetensors"), flipped);
        Path truncated = Files.write(dir.resolve("truncated.safetensors"), java.util.Arrays.copyOf(good, good.length / 2));
        Path garbage = write("garbage.safetensors", "this is not a model");
        byte[] deepHeader = ("[".repeat(4000)).getBytes(StandardCharsets.US_ASCII);
        java.nio.ByteBuffer nested = java.nio.ByteBuffer.allocate(8 + deepHeader.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        nested.putLong(deepHeader.length).put(deepHeader);
        Path nestedModel = Files.write(dir.resolve("nested.safetensors"), nested.array());
        ModelFiles.Loaded bank = ModelFiles.read(bankModel);
        @SuppressWarnings("unchecked")
        Map<String, Object> vocabularies = new LinkedHashMap<>((Map<String, Object>) bank.preprocessing().get("vocabularies"));
        List<Object> jobs = new ArrayList<>((List<?>) vocabularies.get("job"));
        jobs.add("astronaut");
        vocabularies.put("job", jobs);
        Map<String, Object> biggerVocabulary = new LinkedHashMap<>();
        bank.preprocessing().forEach((k, v) -> biggerVocabulary.put((String) k, v));
        biggerVocabulary.put("vocabularies", vocabularies);
        Path mismatched = dir.resolve("mismatched");
        ModelFiles.save(bank.model(), mismatched, biggerVocabulary);
        Path bare = dir.resolve("bare");
        ModelFiles.save(bank.model(), bare);

        c.add(Case.of("score", 2, List.of("needs --model FILE", "--data CSV"), "score"));
        c.add(Case.of("score", 2, List.of("needs --model FILE"), "score", "--model", model));
        c.add(Case.of("score", 2, List.of("--model: no model at", "nothing.safetensors"), "score", "--model",
                dir.resolve("nothing").toString(), "--data", csv));
        c.add(Case.of("score", 2, List.of("--model needs a file name"), "score", "--model", "", "--data", csv));
        c.add(Case.of("score", 2, List.of("-k must be a positive whole number", "'-1'"), "score", "--model", model,
                "--data", csv, "-k", "-1"));
        c.add(Case.of("score", 2, List.of("--data is given twice"), "score", "--model", model, "--data", csv, "--data", csv));
        c.add(Case.of("score", 1, List.of("/dev/null", "not a regular file"), "score", "--model", model, "--data", "/dev/null"));
        c.add(Case.of("score", 1, List.of("a-directory", "is a directory"), "score", "--model", model, "--data", subdir.toString()));
        c.add(Case.of("score", 1, List.of("no-such.csv", "no such file"), "score", "--model", model, "--data",
                dir.resolve("no-such.csv").toString()));
        c.add(Case.of("score", 1, List.of("header-only.csv", "holds no clients", "only a header"), "score", "--model", model,
                "--data", headerOnly.toString()));
        c.add(Case.of("score", 1, List.of("binary.csv:1", "not UTF-8"), "score", "--model", model, "--data", binary.toString()));
        c.add(Case.of("score", 1, List.of("bad-number.csv:2", "forty"), "score", "--model", model, "--data", badNumber.toString()));
        c.add(Case.of("score", 0, List.of("ROC AUC", "undefined: all 1 clients did not subscribe",
                "-k 10 is more than the 1 clients"), "score", "--model", model, "--data", oneRow.toString()));
        c.add(Case.of("score", 1, List.of("plain.safetensors", "plain safetensors file"), "score", "--model",
                plain.toString(), "--data", csv));
        c.add(Case.of("score", 1, List.of("dense.safetensors", "holds a Sequential", "not the demo's campaign model"),
                "score", "--model", dense.toString(), "--data", csv));
        c.add(Case.of("score", 1, List.of("tampered.safetensors", "integrity check failed"), "score", "--model",
                tampered.toString(), "--data", csv));
        c.add(Case.of("score", 1, List.of("truncated.safetensors", "truncated"), "score", "--model", truncated.toString(),
                "--data", csv));
        c.add(Case.of("score", 1, List.of("garbage.safetensors", "header length"), "score", "--model", garbage.toString(),
                "--data", csv));
        c.add(Case.of("score", 1, List.of("nested.safetensors", "nested more than 200"), "score", "--model",
                nestedModel.toString(), "--data", csv));
        c.add(Case.of("score", 1, List.of("mismatched.safetensors", "vocabulary of 'job' has", "'job_embedding.W_emb'"),
                "score", "--model", mismatched.toString(), "--data", csv));
        c.add(Case.of("score", 1, List.of("bare.safetensors", "saved without its vocabularies"), "score", "--model",
                bare.toString(), "--data", csv));
        c.add(Case.of("score", 1, List.of("a-directory", "is a directory"), "score", "--model", model, "--data", csv,
                "--out", subdir.toString()));
        if (haveFifo) {
            c.add(Case.of("score", 1, List.of("pipe.safetensors", "not a regular file"), "score", "--model", fifo.toString(),
                    "--data", csv));
        }

        // ---------------------------------------------------------------- segment
        Path nan = bankWith("nan.csv", "age", "NaN");
        Path shoppersAsBank = write("shoppers.csv", "Administrative,Revenue\n0,FALSE\n");
        c.add(Case.of("segment", 2, List.of("needs --data CSV"), "segment"));
        c.add(Case.of("segment", 2, List.of("--k must be at least 2", "1"), "segment", "--data", csv, "--k", "1"));
        c.add(Case.of("segment", 2, List.of("give --k or --k-range, not both"), "segment", "--data", csv, "--k", "3",
                "--k-range", "2..4"));
        c.add(Case.of("segment", 2, List.of("--k-range must be A..B", "'5..2'"), "segment", "--data", csv, "--k-range", "5..2"));
        c.add(Case.of("segment", 2, List.of("--k-range must be A..B", "'two..four'"), "segment", "--data", csv,
                "--k-range", "two..four"));
        c.add(Case.of("segment", 2, List.of("--corruption must be a rate in [0, 1)", "'1.5'"), "segment", "--data", csv,
                "--embed", "ae", "--corruption", "1.5"));
        c.add(Case.of("segment", 2, List.of("need --embed ae"), "segment", "--data", csv, "--code", "4"));
        c.add(Case.of("segment", 2, List.of("--corruption", "needs --embed ae, not vae"), "segment", "--data", csv,
                "--embed", "vae", "--corruption", "0.1"));
        c.add(Case.of("segment", 2, List.of("--embed must be raw", "ae", "vae", "dbn", "'pca'"), "segment", "--data",
                csv, "--embed", "pca"));
        c.add(Case.of("segment", 1, List.of("code width must be between 1 and the 72 features", "100"), "segment",
                "--data", csv, "--embed", "ae", "--code", "100"));
        c.add(Case.of("segment", 2, List.of("--schema must be bank or shoppers", "'movies'"), "segment", "--data", csv,
                "--schema", "movies"));
        c.add(Case.of("segment", 2, List.of("--silhouette-sample must be at least 2"), "segment", "--data", csv,
                "--silhouette-sample", "1"));
        c.add(Case.of("segment", 1, List.of("no-such.csv", "no such file"), "segment", "--data",
                dir.resolve("no-such.csv").toString()));
        c.add(Case.of("segment", 1, List.of("header-only.csv", "holds 0 clients", "at least 3"), "segment", "--data",
                headerOnly.toString()));
        c.add(Case.of("segment", 1, List.of("one-row.csv", "holds 1 clients", "at least 3"), "segment", "--data",
                oneRow.toString()));
        c.add(Case.of("segment", 1, List.of("k = 5000 segments for 4119 rows"), "segment", "--data", csv, "--k", "5000"));
        c.add(Case.of("segment", 1, List.of("nan.csv:2", "age", "NaN"), "segment", "--data", nan.toString()));
        c.add(Case.of("segment", 1, List.of("shoppers.csv", "Administrative_Duration"), "segment", "--schema", "shoppers",
                "--data", shoppersAsBank.toString()));
        c.add(Case.of("segment", 1, List.of("a-directory", "is a directory"), "segment", "--data", csv, "--k", "2",
                "--out", subdir.toString()));
        // ---------------------------------------------------------------- synth
        Path synthOut = dir.resolve("synthetic.csv");
        c.add(Case.of("synth", 2, List.of("needs --rows"), "synth", "--data", csv, "--out", synthOut.toString()));
        c.add(Case.of("synth", 2, List.of("--rows", "'-3'"), "synth", "--data", csv, "--rows", "-3", "--out",
                synthOut.toString()));
        c.add(Case.of("synth", 2, List.of("--batch must be a multiple of 10", "25"), "synth", "--data", csv, "--rows", "5",
                "--out", synthOut.toString(), "--batch", "25"));
        c.add(Case.of("synth", 2, List.of("--condition must be COLUMN=VALUE", "'job'"), "synth", "--data", csv, "--rows",
                "5", "--out", synthOut.toString(), "--condition", "job"));
        c.add(Case.of("synth", 2, List.of("--schema must be bank", "'shoppers'"), "synth", "--data", csv, "--rows", "5",
                "--out", synthOut.toString(), "--schema", "shoppers"));
        c.add(Case.of("synth", 1, List.of("header-only.csv", "holds 0 clients", "at least 50"), "synth", "--data",
                headerOnly.toString(), "--rows", "5", "--out", synthOut.toString()));
        c.add(Case.of("synth", 1, List.of("one-row.csv", "holds 1 clients", "at least 50"), "synth", "--data",
                oneRow.toString(), "--rows", "5", "--out", synthOut.toString()));
        c.add(Case.of("synth", 1, List.of("nan.csv:2", "age", "NaN"), "synth", "--data", nan.toString(), "--rows", "5",
                "--out", synthOut.toString()));
        c.add(Case.of("synth", 1, List.of("nan-euribor.csv:2", "euribor3m", "NaN"), "synth", "--data",
                bankWith("nan-euribor.csv", "euribor3m", "NaN").toString(), "--rows", "5", "--out", synthOut.toString()));
        c.add(Case.of("synth", 1, List.of("column 'job'", "category 'pilot' was not seen in training"), "synth", "--data",
                csv, "--rows", "5", "--out", synthOut.toString(), "--condition", "job=pilot"));
        c.add(Case.of("synth", 1, List.of("'age' is not a categorical column"), "synth", "--data", csv, "--rows", "5",
                "--out", synthOut.toString(), "--condition", "age=30"));
        c.add(Case.of("synth", 1, List.of("column 'cons.conf.idx' is constant", "leave it out"), "synth", "--data",
                dir.resolve("constant.csv").toString(), "--rows", "5", "--out", synthOut.toString()));

        // a constant column is documented behaviour: standardized to 0, it sets no segment apart and is not listed
        List<String> constant = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.split(";", -1);
            cells[17] = constant.isEmpty() ? cells[17] : "-40.0";                       // cons.conf.idx
            constant.add(String.join(";", cells));
        }
        Path constantCsv = Files.write(dir.resolve("constant.csv"), constant);
        c.add(Case.of("segment", 0, List.of("segment 1:", "segment 2:"), "segment", "--data", constantCsv.toString(),
                "--k", "2", "--top", "30"));

        // ---------------------------------------------------------------- recommend
        Path recommender = dir.resolve("dot");
        ModelFiles.save(new DotRecommender(5, 7, 3, DType.F32, new SplittableRandom(2)), recommender,
                TrainedUsers.describe(new int[] {0, 1, 3}));                                  // users 1, 2 and 4
        String rec = recommender.toString();
        c.add(Case.of("recommend", 2, List.of("needs --model FILE and --user ID"), "recommend", "--model", rec));
        c.add(Case.of("recommend", 2, List.of("--user must be a whole number", "!alice@example.com"), "recommend",
                "--model", rec, "--user", "alice@example.com"));
        c.add(Case.of("recommend", 2, List.of("-k must be a positive whole number"), "recommend", "--model", rec,
                "--user", "1", "-k", "0"));
        c.add(Case.of("recommend", 2, List.of("--cold-start takes 'popularity'", "'guess'"), "recommend", "--model", rec,
                "--user", "3", "--cold-start", "guess"));
        c.add(Case.of("recommend", 2, List.of("--user is given twice"), "recommend", "--model", rec, "--user", "1",
                "--user", "2"));
        c.add(Case.of("recommend", 2, List.of("--model: no model at", "none.safetensors"), "recommend", "--model",
                dir.resolve("none").toString(), "--user", "1"));
        c.add(Case.of("recommend", 1, List.of("--user: unknown user", "dot.safetensors", "users 1 … 5", "!987654321"), "recommend",
                "--model", rec, "--user", "987654321"));
        c.add(Case.of("recommend", 1, List.of("--user: unknown user"), "recommend", "--model", rec, "--user", "0"));
        c.add(Case.of("recommend", 1, List.of("--user: the user was not in the data", "dot.safetensors", "--cold-start popularity"),
                "recommend", "--model", rec, "--user", "3"));
        c.add(Case.of("recommend", 1, List.of("bank.safetensors", "not a recommender"), "recommend", "--model", model,
                "--user", "1"));
        c.add(Case.of("recommend", 1, List.of("tampered.safetensors", "integrity check failed"), "recommend", "--model",
                tampered.toString(), "--user", "1"));
        c.add(Case.of("recommend", 1, List.of("MovieLens 100K not found", "nowhere"), "recommend", "--model", rec,
                "--user", "1", "--data", dir.resolve("nowhere").toString()));

        // ---------------------------------------------------------------- serve, serve-bench
        String taken = String.valueOf(busyPort.getLocalPort());
        c.add(Case.of("serve", 2, List.of("needs --model FILE", "--scorer FILE"), "serve"));
        c.add(Case.of("serve", 2, List.of("--port must be a whole number in 0 … 65535", "'70000'"), "serve",
                "--scorer", model, "--port", "70000"));
        c.add(Case.of("serve", 2, List.of("--max-k must be a positive whole number"), "serve", "--scorer", model,
                "--max-k", "0"));
        c.add(Case.of("serve", 2, List.of("--watch must be a positive number"), "serve", "--scorer", model,
                "--watch", "never"));
        c.add(Case.of("serve", 1, List.of(":" + taken, "the port is in use"), "serve", "--scorer", model,
                "--port", taken));
        c.add(Case.of("serve", 1, List.of("tampered.safetensors", "integrity check failed"), "serve", "--scorer",
                tampered.toString(), "--port", "0", "--seconds", "1"));
        c.add(Case.of("serve", 1, List.of("MovieLens 100K not found", "nowhere"), "serve", "--model", rec,
                "--data", dir.resolve("nowhere").toString()));
        c.add(Case.of("serve-bench", 2, List.of("needs --model FILE"), "serve-bench"));
        c.add(Case.of("serve-bench", 2, List.of("--clients must be a positive whole number"), "serve-bench",
                "--model", rec, "--clients", "1,x"));

        // ---------------------------------------------------------------- interop
        Path fixtures = Files.createDirectories(dir.resolve("fixtures"));
        Files.writeString(fixtures.resolve("seq.json"),
                "{\"layers\": [{\"type\": \"torch.nn.LSTM\"}, {\"type\": \"torch.nn.Linear\"}]}");
        Map<String, jgrad.tensor.Tensor> state = new LinkedHashMap<>();
        state.put("lstm.weight_ih_l0", jgrad.tensor.Tensor.zeros(DType.F32, 64, 8));
        state.put("lstm.weight_hh_l0", jgrad.tensor.Tensor.zeros(DType.F32, 64, 16));
        state.put("lstm.bias_ih_l0", jgrad.tensor.Tensor.zeros(DType.F32, 64));
        state.put("lstm.bias_hh_l0", jgrad.tensor.Tensor.zeros(DType.F32, 64));
        state.put("fc.weight", jgrad.tensor.Tensor.zeros(DType.F32, 3, 12));            // the LSTM gives 16
        state.put("fc.bias", jgrad.tensor.Tensor.zeros(DType.F32, 3));
        jgrad.io.SafeTensors.write(fixtures.resolve("seq.safetensors"), state, Map.of());
        jgrad.io.SafeTensors.write(fixtures.resolve("seq.inputs.safetensors"),
                Map.of("x", jgrad.tensor.Tensor.zeros(DType.F32, 1, 2, 8)), Map.of());
        jgrad.io.SafeTensors.write(fixtures.resolve("seq.outputs.safetensors"),
                Map.of("y.f32", jgrad.tensor.Tensor.zeros(DType.F32, 1, 3)), Map.of());
        // the same state_dict with a tensor under another name: both names are given
        Path renamedFixtures = Files.createDirectories(dir.resolve("fixtures-renamed"));
        Files.copy(fixtures.resolve("seq.json"), renamedFixtures.resolve("seq.json"));
        Files.copy(fixtures.resolve("seq.inputs.safetensors"), renamedFixtures.resolve("seq.inputs.safetensors"));
        Files.copy(fixtures.resolve("seq.outputs.safetensors"), renamedFixtures.resolve("seq.outputs.safetensors"));
        state.put("fc.weight", jgrad.tensor.Tensor.zeros(DType.F32, 3, 16));
        state.put("lstm.bias_hh", state.remove("lstm.bias_hh_l0"));
        jgrad.io.SafeTensors.write(renamedFixtures.resolve("seq.safetensors"), state, Map.of());
        c.add(Case.of("interop", 1, List.of("FAIL", "seq.safetensors", "missing [lstm.bias_hh_l0]",
                "unexpected [lstm.bias_hh]", "0 passed, 1 failed"), "interop", renamedFixtures.toString()));
        c.add(Case.of("interop", 2, List.of("needs one directory of PyTorch fixtures"), "interop"));
        c.add(Case.of("interop", 1, List.of("not a directory of PyTorch fixtures"), "interop", csv));
        c.add(Case.of("interop", 1, List.of("holds no fixture"), "interop", subdir.toString()));
        c.add(Case.of("interop", 1, List.of("FAIL", "seq.safetensors", "tensor 'fc.weight': the file has shape [3, 12],"
                + " the model expects [3, 16]", "0 passed, 1 failed"), "interop", fixtures.toString()));

        // ---------------------------------------------------------------- example
        c.add(Case.of("example", 2, List.of("needs the name of an example", "movie-dot"), "example"));
        c.add(Case.of("example", 2, List.of("unknown example 'movie-knn'"), "example", "movie-knn"));
        c.add(Case.of("example", 2, List.of("--epochs must be a positive whole number"), "example", "movie-dot",
                "--epochs", "0"));
        c.add(Case.of("example", 2, List.of("--save needs a file name"), "example", "gmf", "--save", ""));
        c.add(Case.of("example", 2, List.of("unknown option '--pretrain'"), "example", "gmf", "--pretrain", "x"));
        c.add(Case.of("example", 1, List.of("MovieLens 100K not found", "nowhere", "grouplens.org"), "example",
                "movie-dot", "--data", dir.resolve("nowhere").toString()));
        Path noRatings = Files.createDirectories(dir.resolve("movies/ml-100k"));
        c.add(Case.of("example", 1, List.of("holds no u.data", noRatings.toString()), "example", "movie-mlp", "--data",
                noRatings.getParent().toString()));
        c.add(Case.of("example", 2, List.of("--model must be one of lr, mean, attention, softmax, all", "'din'"),
                "example", "din", "--model", "din"));
        c.add(Case.of("example", 2, List.of("--seeds must be a positive whole number", "'0'"), "example", "din",
                "--seeds", "0"));
        c.add(Case.of("example", 2, List.of("--history must be a positive whole number", "'-5'"), "example", "din",
                "--history", "-5"));
        c.add(Case.of("example", 2, List.of("--dropout must be a number in [0, 1)", "'1'"), "example", "din",
                "--dropout", "1"));
        c.add(Case.of("example", 2, List.of("--mba must be a number of 0 or more", "'-0.1'"), "example", "din",
                "--mba", "-0.1"));
        c.add(Case.of("example", 2, List.of("--unit must be relu, sigmoid or dice", "'prelu'"), "example", "din",
                "--unit", "prelu"));
        c.add(Case.of("example", 1, List.of("MovieLens 100K not found", "nowhere"), "example", "din", "--data",
                dir.resolve("nowhere").toString()));
        Path dinUnknown = Files.createDirectories(dir.resolve("din-unknown/ml-100k"));
        String flags = "|0".repeat(19);
        Files.writeString(dinUnknown.resolve("u.item"), "1|One (1995)|01-Jan-1995||http://x" + flags + "\n"
                + "2|Two (1995)|01-Jan-1995||http://x" + flags + "\n", java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.writeString(dinUnknown.resolve("u.data"), "1\t1\t5\t10\n1\t1700\t4\t20\n");
        c.add(Case.of("example", 1, List.of("item id 1700 is rated but has no genres", "ends at id 2"), "example", "din",
                "--data", dinUnknown.toString()));
        // the report hook of ./jgrad example: refused before any training when it cannot be written or not filled
        c.add(Case.of("example", 1, List.of("--report", "not-a-directory", "is a file, not a directory"), "example",
                "movie-dot", "--report", notADirectory.toString()));
        c.add(Case.of("example", 1, List.of("--report", "not-a-directory/r", "cannot be written"), "example",
                "fashion-mnist", "--report", notADirectory.resolve("r").toString()));
        c.add(Case.of("example", 2, List.of("--report needs a value"), "example", "gmf", "--report"));
        c.add(Case.of("example", 2, List.of("example 'pop' writes no report yet", "movie-fed"), "example", "pop", "--report",
                dir.resolve("reports").toString()));
        for (String command : List.of("segment", "uplift", "bandit")) {
            List<String> args = new ArrayList<>(command.equals("segment") ? List.of(command, "--data", csv) : List.of(command));
            args.addAll(List.of("--report", notADirectory.toString()));
            c.add(Case.of(command, 1, List.of("--report", "not-a-directory", "is a file, not a directory"),
                    args.toArray(String[]::new)));
        }
        // transfer: a network it does not know, a cached pretraining made another way
        c.add(Case.of("example", 2, List.of("--model must be mlp or cnn", "'rnn'"), "example", "transfer", "--model",
                "rnn"));
        c.add(Case.of("example", 2, List.of("--pretrained needs a value"), "example", "transfer", "--pretrained"));
        Path otherPretraining = dir.resolve("other-pretraining");
        ModelFiles.save(new Sequential(new jgrad.nn.layers.Flatten(), new Dense(784, 4, Activation.RELU,
                new SplittableRandom(1))), otherPretraining, Map.of("pretraining", Map.of("network", "mlp", "classes",
                "[1, 2]", "epochs", "1", "seed", "9")));
        if (Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist"))) {
            c.add(Case.of("example", 1, List.of("other-pretraining.safetensors", "was not pretrained as this run needs",
                    "network=cnn", "network=mlp"), "example", "transfer", "--model", "cnn", "--pretrained",
                    otherPretraining.toString()));
        }

        // ---------------------------------------------------------------- abtest
        Path ab = write("ab.csv", "group,converted\nA,1\nB,0\nA,0\nB,1\n");
        Path abOneGroup = write("ab-one-group.csv", "group,converted\nA,1\nA,0\n");
        Path abSpend = write("ab-spend.csv", "group,converted\nA,1\nB,29.99\n");
        Path abNoConversions = write("ab-no-conversions.csv", "group,converted\nA,0\nB,1\nA,0\nB,0\n");
        String abFile = ab.toString();
        c.add(Case.of("abtest", 2, List.of("needs --data CSV --group COL --outcome COL"), "abtest", "--data", abFile));
        c.add(Case.of("abtest", 2, List.of("--confidence", "strictly between 0 and 1", "'95'"), "abtest", "--data", abFile,
                "--group", "group", "--outcome", "converted", "--confidence", "95"));
        c.add(Case.of("abtest", 2, List.of("--mde must be a number", "'big'"), "abtest", "--data", abFile, "--group",
                "group", "--outcome", "converted", "--mde", "big"));
        c.add(Case.of("abtest", 2, List.of("--days does not go with --data"), "abtest", "--data", abFile, "--group",
                "group", "--outcome", "converted", "--days", "3"));
        c.add(Case.of("abtest", 2, List.of("same column 'group'"), "abtest", "--data", abFile, "--group", "group",
                "--outcome", "group"));
        c.add(Case.of("abtest", 2, List.of("--peeking-runs", "'0'"), "abtest", "--peeking-runs", "0"));
        c.add(Case.of("abtest", 1, List.of("ab.csv", "visits"), "abtest", "--data", abFile, "--group", "group",
                "--outcome", "visits"));
        c.add(Case.of("abtest", 1, List.of("no group 'C'", "[A, B]"), "abtest", "--data", abFile, "--group", "group",
                "--outcome", "converted", "--control", "C"));
        c.add(Case.of("abtest", 1, List.of("ab-one-group.csv", "only one group ('A')"), "abtest", "--data",
                abOneGroup.toString(), "--group", "group", "--outcome", "converted"));
        c.add(Case.of("abtest", 1, List.of("ab-spend.csv", "row 2", "must be 0 or 1", "29.99"), "abtest", "--data",
                abSpend.toString(), "--group", "group", "--outcome", "converted"));
        c.add(Case.of("abtest", 0, List.of("relative lift  undefined", "no successes"), "abtest", "--data",
                abNoConversions.toString(), "--group", "group", "--outcome", "converted"));
        // ---------------------------------------------------------------- bandit
        c.add(Case.of("bandit", 2, List.of("--sim must be hillstrom", "bank", "'casino'"), "bandit", "--sim", "casino"));
        c.add(Case.of("bandit", 2, List.of("--policy must be all or one of", "'greedy'"), "bandit", "--policy", "greedy"));
        c.add(Case.of("bandit", 2, List.of("--rounds must be a positive whole number"), "bandit", "--rounds", "0"));
        c.add(Case.of("bandit", 2, List.of("--ope takes yes", "benchmark or no", "'maybe'"), "bandit", "--ope", "maybe"));
        c.add(Case.of("bandit", 2, List.of("--policy does not go with --ope"), "bandit", "--ope", "yes", "--policy", "ucb1"));
        c.add(Case.of("bandit", 2, List.of("--sim synthetic is for --ope yes"), "bandit", "--sim", "synthetic"));
        c.add(Case.of("bandit", 1, List.of("ab.csv", "recency"), "bandit", "--data", abFile, "--rounds", "10"));
        c.add(Case.of("bandit", 1, List.of("ab.csv", "age"), "bandit", "--sim", "bank", "--data", abFile, "--rounds", "10"));
        c.add(Case.of("bandit", 2, List.of("--logging-epsilon and --train-rounds go with --ope yes"), "bandit",
                "--logging-epsilon", "0.1"));
        c.add(Case.of("bandit", 2, List.of("--logging-epsilon is a probability", "'2'"), "bandit", "--ope", "yes",
                "--logging-epsilon", "2"));
        Path log = write("log.csv", "offer,p,visit,age\nmail,0.5,1,30\nnone,0.5,0,40\nmail,0.5,0,50\n");
        Path logZero = write("log-zero.csv", "offer,p,visit\nmail,0.5,1\nnone,0,0\n");
        Path logMissing = write("log-missing.csv", "offer,p,visit\nmail,0.5,1\nnone,,0\n");
        c.add(Case.of("bandit", 1, List.of("log-zero.csv", "round 2", "propensity 0.0", "0, missing or above 1"), "bandit",
                "--log", logZero.toString(), "--action", "offer", "--propensity", "p", "--reward", "visit"));
        c.add(Case.of("bandit", 1, List.of("log-missing.csv:3", "column 'p'", "unparsable number"), "bandit", "--log",
                logMissing.toString(), "--action", "offer", "--propensity", "p", "--reward", "visit"));
        c.add(Case.of("bandit", 1, List.of("log.csv", "action 'sms' was never logged", "[mail, none]"), "bandit", "--log",
                log.toString(), "--action", "offer", "--propensity", "p", "--reward", "visit", "--action-names",
                "mail,none,sms"));
        c.add(Case.of("bandit", 2, List.of("--log needs --action COL", "missing --propensity"), "bandit", "--log",
                log.toString(), "--action", "offer", "--reward", "visit"));
        c.add(Case.of("bandit", 2, List.of("--rounds does not go with --log"), "bandit", "--log", log.toString(),
                "--action", "offer", "--propensity", "p", "--reward", "visit", "--rounds", "5"));
        c.add(Case.of("bandit", 2, List.of("--reward goes with --log"), "bandit", "--reward", "visit"));
        c.add(Case.of("bandit", 0, List.of("always play", "mail", "DR"), "bandit", "--log", log.toString(), "--action",
                "offer", "--propensity", "p", "--reward", "visit", "--context", "age"));
        // ---------------------------------------------------------------- uplift
        c.add(Case.of("uplift", 2, List.of("--treatment must be womens or mens", "'kids'"), "uplift", "--treatment", "kids"));
        c.add(Case.of("uplift", 2, List.of("--target must be visit or conversion", "'spend'"), "uplift", "--target", "spend"));
        c.add(Case.of("uplift", 2, List.of("--splits must be a positive whole number"), "uplift", "--splits", "0"));
        c.add(Case.of("uplift", 1, List.of("ab.csv", "recency"), "uplift", "--data", abFile));
        Path oneArm = write("hillstrom-one-arm.csv", "recency,history_segment,history,mens,womens,zip_code,newbie,channel,"
                + "segment,visit,conversion,spend\n10,2) $100 - $200,142.44,1,0,Surburban,0,Phone,No E-Mail,0,0,0\n"
                + "6,3) $200 - $350,329.08,1,1,Rural,1,Web,Mens E-Mail,1,0,0\n");
        c.add(Case.of("uplift", 1, List.of("treatment has only one value", "0 in all 1 rows"), "uplift", "--data",
                oneArm.toString(), "--treatment", "womens"));
        // ---------------------------------------------------------------- funnel
        Path funnel = write("funnel.csv", "arm,clicked,bought,spend\nmail,1,1,30\nmail,0,0,0\nnone,1,0,0\nnone,0,0,0\n");
        Path funnelBad = write("funnel-bad.csv", "arm,clicked,bought\nmail,1,1\nmail,0,1\n");
        String f = funnel.toString();
        c.add(Case.of("funnel", 2, List.of("needs --data CSV --group COL --click COL --conversion COL", "missing --click"),
                "funnel", "--data", f, "--group", "arm", "--conversion", "bought"));
        c.add(Case.of("funnel", 2, List.of("--cost and --cost-per-contact", "give one"), "funnel", "--data", f, "--group",
                "arm", "--click", "clicked", "--conversion", "bought", "--cost", "spend", "--cost-per-contact", "0.1"));
        c.add(Case.of("funnel", 2, List.of("--cost-per-contact needs --holdout"), "funnel", "--data", f, "--group", "arm",
                "--click", "clicked", "--conversion", "bought", "--cost-per-contact", "0.1"));
        c.add(Case.of("funnel", 2, List.of("--cost-per-contact must be a positive number", "'-1'"), "funnel", "--data", f,
                "--group", "arm", "--click", "clicked", "--conversion", "bought", "--cost-per-contact", "-1",
                "--holdout", "none"));
        c.add(Case.of("funnel", 1, List.of("funnel-bad.csv", "row 2", "conversion without a click"), "funnel", "--data",
                funnelBad.toString(), "--group", "arm", "--click", "clicked", "--conversion", "bought"));
        c.add(Case.of("funnel", 1, List.of("no group 'holdout'", "[mail, none]"), "funnel", "--data", f, "--group", "arm",
                "--click", "clicked", "--conversion", "bought", "--cost-per-contact", "0.1", "--holdout", "holdout"));
        c.add(Case.of("funnel", 0, List.of("undefined (no conversions)", "none caused"), "funnel", "--data", f,
                "--group", "arm", "--click", "clicked", "--conversion", "bought", "--revenue", "spend",
                "--cost-per-contact", "0.1", "--holdout", "mail"));
        // ---------------------------------------------------------------- retention
        Path events = write("events.csv", "user,time\n1,1600000000\n2,yesterday\n");
        c.add(Case.of("retention", 2, List.of("needs --data CSV --user COL --time COL"), "retention", "--data", abFile));
        c.add(Case.of("retention", 2, List.of("--period must be day, week, month or year", "'hour'"), "retention",
                "--data", events.toString(), "--user", "user", "--time", "time", "--period", "hour"));
        c.add(Case.of("retention", 1, List.of("events.csv:3", "yesterday"), "retention", "--data", events.toString(),
                "--user", "user", "--time", "time"));
        c.add(Case.of("retention", 1, List.of("ab.csv", "user"), "retention", "--data", abFile, "--user", "user",
                "--time", "time"));
        // ---------------------------------------------------------------- campaign
        c.add(Case.of("campaign", 2, List.of("--budget", "positive number", "'0'"), "campaign", "--budget", "0"));
        c.add(Case.of("campaign", 2, List.of("--budget", "in (0, 1]", "'1.5'"), "campaign", "--budget", "1.5"));
        c.add(Case.of("campaign", 2, List.of("--folds must be at least 2"), "campaign", "--folds", "1"));
        c.add(Case.of("campaign", 2, List.of("unknown option '--iterations'"), "campaign", "--iterations", "5"));
        c.add(Case.of("campaign", 1, List.of("no-such.csv", "no such file"), "campaign", "--data",
                dir.resolve("no-such.csv").toString()));
        c.add(Case.of("campaign", 1, List.of("--report", "not-a-directory", "is a file, not a directory"), "campaign",
                "--report", dir.resolve("not-a-directory").toString()));
        c.add(Case.of("campaign", 1, List.of("--report", "not-a-directory/r", "cannot be written"), "campaign",
                "--report", dir.resolve("not-a-directory/r").toString()));
        String hillstromHeader = "recency,history_segment,history,mens,womens,zip_code,newbie,channel,segment,visit,"
                + "conversion,spend\r\n";
        String hillstromFile = write("hillstrom-few.csv", hillstromHeader
                + "10,\"2) $100 - $200\",142.44,1,0,Surburban,0,Phone,Womens E-Mail,0,0,0\r\n").toString();
        c.add(Case.of("campaign", 2, List.of("--schema must be bank or hillstrom", "'criteo'"), "campaign", "--data",
                hillstromFile, "--schema", "criteo"));
        c.add(Case.of("campaign", 2, List.of("--schema needs --data"), "campaign", "--schema", "hillstrom"));
        c.add(Case.of("campaign", 2, List.of("--target does not go with"), "campaign", "--target", "visit"));
        c.add(Case.of("campaign", 2, List.of("--epochs does not go with"), "campaign", "--data", hillstromFile,
                "--epochs", "5"));
        c.add(Case.of("campaign", 2, List.of("--target must be visit or conversion", "'spend'"), "campaign", "--data",
                hillstromFile, "--target", "spend"));
        c.add(Case.of("campaign", 1, List.of("ab.csv", "line 1", "neither UCI Bank Marketing's", "Hillstrom's"),
                "campaign", "--data", abFile));
        c.add(Case.of("campaign", 1, List.of("hillstrom-few.csv", "1 customers", "at least"), "campaign", "--data",
                hillstromFile));
        c.add(Case.of("campaign", 1, List.of("hillstrom-no-control.csv", "No E-Mail", "no customer is in the arm"), "campaign",
                "--data", write("hillstrom-no-control.csv", hillstromHeader
                        + "10,\"2) $100 - $200\",142.44,1,0,Surburban,0,Phone,Womens E-Mail,0,0,0\r\n".repeat(40)
                        + "3,\"1) $0 - $100\",42.44,0,1,Urban,1,Web,Mens E-Mail,1,0,0\r\n".repeat(40)).toString()));

        // ---------------------------------------------------------------- campaign-rl
        c.add(Case.of("campaign-rl", 2, List.of("--iterations must be a positive whole number"), "campaign-rl",
                "--iterations", "0"));
        c.add(Case.of("campaign-rl", 2, List.of("--seed must be a whole number", "'x'"), "campaign-rl", "--seed", "x"));
        c.add(Case.of("campaign-rl", 1, List.of("ab.csv", "recency"), "campaign-rl", "--data", abFile));
        c.add(Case.of("example", 1, List.of("--data", "no train-images-idx3-ubyte[.gz] there", "dataset-fashion-mnist"),
                "example", "fashion-cnn", "--data", subdir.toString()));
        c.add(Case.of("example", 2, List.of("unknown option '--save'"), "example", "fashion-cnn", "--save", "x"));
        c.add(Case.of("example", 2, List.of("--epochs must be a positive whole number"), "example", "fashion-cnn",
                "--epochs", "0"));
        sequenceCases(c);
        // ---------------------------------------------------------------- sentiment
        Path utf8 = Files.createDirectories(dir.resolve("mr-utf8"));
        Files.writeString(utf8.resolve("rt-polarity.pos"), "a fine film\nun film très drôle\n", StandardCharsets.UTF_8);
        Files.writeString(utf8.resolve("rt-polarity.neg"), "dull\n", StandardCharsets.UTF_8);
        Path blank = Files.createDirectories(dir.resolve("mr-blank"));
        Files.writeString(blank.resolve("rt-polarity.pos"), "a fine film\n", StandardCharsets.UTF_8);
        Files.writeString(blank.resolve("rt-polarity.neg"), "\n  \n", StandardCharsets.UTF_8);
        c.add(Case.of("example", 1, List.of("rt-polarity.pos", "declared ISO-8859-1", "is UTF-8", "line 2, column 11"),
                "example", "sentiment", "--data", utf8.toString()));
        c.add(Case.of("example", 1, List.of("rt-polarity.neg", "has no text"), "example", "sentiment", "--data",
                blank.toString()));
        c.add(Case.of("example", 1, List.of("--data", "expected rt-polarity.pos"), "example", "sentiment", "--data",
                subdir.toString()));
        c.add(Case.of("example", 2, List.of("--model must be cnn, lstm, bow or all", "'svm'"), "example", "sentiment",
                "--model", "svm"));
        c.add(Case.of("example", 2, List.of("--folds must be at least 2"), "example", "sentiment", "--folds", "1"));
        c.add(Case.of("example", 2, List.of("--save needs one model"), "example", "sentiment", "--save", "x"));
        c.add(Case.of("example", 2, List.of("--first must be a positive whole number"), "example", "sentiment",
                "--first", "0"));
        c.add(Case.of("example", 2, List.of("--dim must be a positive whole number"), "example", "sentiment",
                "--dim", "-3"));
        c.add(Case.of("example", 2, List.of("--skip 3 leaves no fold to run"), "example", "sentiment",
                "--first", "3", "--skip", "3"));
        c.add(Case.of("example", 2, List.of("--edge-padding must be a positive whole number", "'four'"), "example",
                "sentiment", "--edge-padding", "four"));
        c.add(Case.of("example", 2, List.of("--optimizer must be adam or adadelta", "'sgd'"), "example", "sentiment",
                "--optimizer", "sgd"));
        c.add(Case.of("example", 2, List.of("--learning-rate must be a positive number", "'0'"), "example", "sentiment",
                "--learning-rate", "0"));
        c.add(Case.of("example", 2, List.of("--embedding-scale must be a positive number", "'-0.25'"), "example",
                "sentiment", "--embedding-scale", "-0.25"));
        c.add(Case.of("example", 2, List.of("--word-dropout must be below 1", "'1'"), "example", "sentiment",
                "--word-dropout", "1"));
        c.add(Case.of("example", 2, List.of("--patience must be a whole number ≥ 0", "'-1'"), "example", "sentiment",
                "--patience", "-1"));
        c.add(Case.of("example", 2, List.of("--word-path must be true or false", "'yes'"), "example", "sentiment",
                "--word-path", "yes"));
        c.add(Case.of("example", 2, List.of("--ensemble must be a positive whole number"), "example", "sentiment",
                "--ensemble", "0"));
        c.add(Case.of("example", 2, List.of("--save keeps one model", "--ensemble 3"), "example", "sentiment",
                "--model", "cnn", "--ensemble", "3", "--save", "x"));
        c.add(Case.of("example", 2, List.of("--development must be below 1", "'1'"), "example", "sentiment",
                "--development", "1"));
        c.add(Case.of("sentiment", 2, List.of("needs --model FILE", "--text"), "sentiment", "--text", "great"));
        c.add(Case.of("sentiment", 2, List.of("no model at", "nothing.safetensors"), "sentiment", "--model",
                dir.resolve("nothing").toString(), "--text", "great"));
        c.add(Case.of("sentiment", 2, List.of("--text is empty"), "sentiment", "--model", bankModel.toString(),
                "--text", "  "));
        c.add(Case.of("sentiment", 1, List.of("not a sentiment model"), "sentiment", "--model", bankModel.toString(),
                "--text", "great"));
        // ---------------------------------------------------------------- copywriter
        c.add(Case.of("example", 2, List.of("--genres", "non-empty line without tabs"), "example", "copywriter",
                "--genres", " "));
        c.add(Case.of("example", 2, List.of("--temperature must be a positive number"), "example", "copywriter",
                "--temperature", "0"));
        c.add(Case.of("example", 2, List.of("--top-k must be a positive whole number"), "example", "copywriter",
                "--top-k", "-1"));
        c.add(Case.of("example", 1, List.of("--data", "no movies.csv there"), "example", "copywriter", "--data",
                subdir.toString()));
        return c;
    }

    /** pop, gru4rec, sasrec and recommend on a sequence model: the bad sequences, on tiny files made here. */
    private static void sequenceCases(List<Case> c) throws IOException {
        Path seq = Files.createDirectories(dir.resolve("seq"));
        Files.writeString(seq.resolve("sequences.tsv"), "1\t1 2 3 4\n2\t5 4 3\n");
        Files.writeString(seq.resolve("valid_negatives.tsv"), "1\t3\t5\n2\t4\t1\n9\t4\t1\n");
        Files.writeString(seq.resolve("test_negatives.tsv"), "1\t4\t5\n2\t3\t1\n");
        c.add(Case.of("example", 1, List.of("valid_negatives.tsv", "line 3", "unknown user: "), "example", "sasrec",
                "--data", seq.toString(), "--epochs", "1"));
        Path badItem = Files.createDirectories(dir.resolve("seq-item"));
        Files.writeString(badItem.resolve("sequences.tsv"), "1\t1 2 3 4\n");
        Files.writeString(badItem.resolve("valid_negatives.tsv"), "1\t3\t99\n");
        Files.writeString(badItem.resolve("test_negatives.tsv"), "1\t4\t1\n");
        c.add(Case.of("example", 1, List.of("valid_negatives.tsv", "line 1, column 3", "unknown item 99"), "example",
                "gru4rec", "--data", badItem.toString()));
        Path empty = Files.createDirectories(dir.resolve("seq-empty"));
        Files.writeString(empty.resolve("sequences.tsv"), "1\t1 2 3 4\n2\t\n");
        c.add(Case.of("example", 1, List.of("sequences.tsv", "line 2", "the user has an empty history"), "example", "pop",
                "--data", empty.toString()));
        Path pairs = Files.writeString(dir.resolve("pairs.txt"), "1 1\n1 2\n1 3\n1 4\n2 5\n");
        c.add(Case.of("example", 0, List.of("1 users have fewer than 3 items", "trained on only"), "example", "pop",
                "--data", pairs.toString()));
        c.add(Case.of("example", 1, List.of("triples.txt", "line 1", "expected two fields"), "example", "pop", "--data",
                Files.writeString(dir.resolve("triples.txt"), "1 2 3\n").toString()));
        c.add(Case.of("example", 2, List.of("pop has no training"), "example", "pop", "--epochs", "3"));
        c.add(Case.of("example", 2, List.of("--eval-every must be a positive whole number"), "example", "sasrec",
                "--eval-every", "0"));
        c.add(Case.of("example", 2, List.of("--block must be 'prenorm'", "'reference'", "got 'kang'"), "example",
                "sasrec", "--block", "kang"));
        c.add(Case.of("example", 2, List.of("--block is SASRec's", "gru4rec"), "example", "gru4rec", "--block",
                "reference"));

        Path sasrec = dir.resolve("sasrec");
        ModelFiles.save(new SasRec(5, 4, 3, 1, 1, 0.0, DType.F32, new SplittableRandom(1)), sasrec);
        String model = sasrec.toString();
        c.add(Case.of("recommend", 0, List.of("holds 4 items", "reads the last 3", "truncated from the left"),
                "recommend", "--model", model, "--history", "1 2 3 4", "-k", "1"));
        c.add(Case.of("recommend", 1, List.of("item 9 at position 2", "unknown", "items 1 … 5"), "recommend", "--model",
                model, "--history", "1 9"));
        c.add(Case.of("recommend", 2, List.of("--history is empty"), "recommend", "--model", model, "--history", " "));
        c.add(Case.of("recommend", 2, List.of("--history", "'x'", "not a whole number"), "recommend", "--model", model,
                "--history", "1 x"));
        c.add(Case.of("recommend", 1, List.of("--user: unknown user", "pairs.txt"), "recommend", "--model", model,
                "--user", "7", "--data", pairs.toString()));
        c.add(Case.of("recommend", 2, List.of("--history is for sequence models"), "recommend", "--model",
                dir.resolve("dot").toString(), "--history", "1 2"));

        Path wideItems = Files.writeString(dir.resolve("pairs-item-9.txt"), "1 1\n1 2\n2 9\n2 3\n");
        c.add(Case.of("serve", 1, List.of("pairs-item-9.txt", "sequence 2 holds at position 1", "unknown to the model",
                "items 1 … 5"), "serve", "--model", model, "--sequences", wideItems.toString(), "--seconds", "1"));
        c.add(Case.of("serve", 1, List.of("--sequences is for SASRec and GRU4Rec models"), "serve", "--model",
                dir.resolve("dot").toString(), "--sequences", pairs.toString(), "--seconds", "1"));
        c.add(Case.of("serve", 2, List.of("--data PATH", "--sequences", "not both"), "serve", "--model", model,
                "--sequences", pairs.toString(), "--data", pairs.toString()));
        c.add(Case.of("serve", 1, List.of("empty.txt", "holds no 'user item' line"), "serve", "--model", model,
                "--sequences", Files.writeString(dir.resolve("empty.txt"), "\n").toString(), "--seconds", "1"));
    }

    private static Run run(Case c) {
        List<String> restore = new ArrayList<>();
        c.jvmOptions().forEach((k, v) -> {
            restore.add(k);
            restore.add(System.getProperty(k));
            System.setProperty(k, v);
        });
        try {
            return Run.of(c.args());
        } finally {
            for (int i = 0; i < restore.size(); i += 2) {
                if (restore.get(i + 1) == null) {
                    System.clearProperty(restore.get(i));
                } else {
                    System.setProperty(restore.get(i), restore.get(i + 1));
                }
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputEndsWithItsExitCodeAndAMessageNamingTheThing() throws Exception {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.title(), () -> {
            Run r = run(c);
            String all = r.out() + r.err();
            if (System.getenv("JGRAD_SHOW_BAD_INPUTS") != null) {      // to read every message: JGRAD_SHOW_BAD_INPUTS=1
                System.out.println("### " + c.title() + "\n" + r.err().strip());
            }
            Supplier<String> shown = () -> "exit " + r.code() + "\n--- out:\n" + r.out() + "\n--- err:\n" + r.err();
            assertEquals(c.code(), r.code(), shown);
            for (String word : c.words()) {
                if (word.startsWith("!")) {
                    assertFalse(all.contains(word.substring(1)), () -> "'" + word.substring(1) + "' shown\n" + shown.get());
                } else {
                    assertTrue(all.contains(word), () -> "missing '" + word + "'\n" + shown.get());
                }
            }
            assertFalse(all.contains("\tat ") || all.contains("Exception in thread"), shown);
            if (c.code() != 0) {
                // golden and interop print a line per case on stdout, then N passed, M failed
                assertFalse(r.err().isBlank() && !List.of("golden", "interop").contains(c.command()),
                        "a failure says why on stderr");
            }
        }));
    }
}
