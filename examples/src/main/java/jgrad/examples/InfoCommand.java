package jgrad.examples;

import java.io.PrintStream;

import jgrad.Version;
import jgrad.backend.Backends;
import jgrad.cuda.CudaProbe;

/** {@code ./jgrad info}: what jgrad runs on here. */
final class InfoCommand implements Command {

    @Override public String name() { return "info"; }
    @Override public String usage() { return ""; }
    @Override public String summary() { return "version, JDK, backend and why, vector species, GEMM blocking, threads"; }

    @Override
    public int run(String[] args, PrintStream out) {
        if (args.length != 0) {
            throw new UsageException("takes no arguments");
        }
        out.println("jgrad        " + Version.get());
        out.println("JDK          " + Runtime.version() + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.home") + ")");
        out.println("OS           " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        out.println("backend      " + Backends.current().name() + " (" + Backends.reason() + ")");
        out.println("vector API   " + (Backends.vectorApiAvailable() ? VectorInfo.describe()
                : "not available (start the JVM with --add-modules=jdk.incubator.vector)"));
        out.println("SIMD GEMM    " + Backends.gemmPlan());
        out.println("GPU          " + CudaProbe.describe());
        out.println("CUDA on CPU  " + CudaProbe.describeEmulation());
        out.println("threads      " + Integer.getInteger("jgrad.threads", Runtime.getRuntime().availableProcessors())
                + " (of " + Runtime.getRuntime().availableProcessors() + " processors; -Djgrad.threads=N sets it)");
        return 0;
    }
}
