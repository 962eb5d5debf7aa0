package jgrad.examples;

import java.io.PrintStream;

import jgrad.golden.GoldenRunner;

/** {@code ./jgrad golden DIR [--dtype f32|f64]}: runs golden cases (format: ../shared/spec/golden-format.md). */
final class GoldenCommand implements Command {

    @Override public String name() { return "golden"; }
    @Override public String usage() { return "DIR_OR_FILE... [--dtype f32|f64]"; }
    @Override public String summary() { return "run golden cases: one line per case, then 'N passed, M failed'"; }

    @Override
    public int run(String[] args, PrintStream out) {
        return GoldenRunner.run(args, out, BackendOption.device());
    }
}
