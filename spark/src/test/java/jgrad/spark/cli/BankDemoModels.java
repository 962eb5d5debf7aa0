package jgrad.spark.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import jgrad.examples.BankClients;
import jgrad.examples.DemoCommand;
import jgrad.io.ModelFiles;

/** A demo campaign model trained for a few epochs and saved as {@code ./jgrad demo --save} saves it. */
final class BankDemoModels {

    /** The bundled UCI file, from the examples module's sources (the tests run in the spark module's folder). */
    static final Path BUNDLED = Path.of("../examples/src/main/resources" + BankClients.RESOURCE);

    private BankDemoModels() {
    }

    static Path trainAndSave(Path dir, int epochs, long seed) throws Exception {
        DemoCommand.Outcome outcome = DemoCommand.run(null, epochs, seed, new PrintStream(OutputStream.nullOutputStream()));
        Path file = dir.resolve("bank");
        ModelFiles.save(outcome.model(), file, outcome.features().describe());
        return file;
    }
}
