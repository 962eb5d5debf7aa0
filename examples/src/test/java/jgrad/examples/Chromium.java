package jgrad.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Headless Chromium (Debian's {@code chromium}) run on a local file: its DOM, its console, a screenshot. */
final class Chromium {

    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");

    private Chromium() {
    }

    /** The browser's executable, or null when none is installed. */
    static Path find() {
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
    }

    /** What one headless run printed: stdout (the DOM with --dump-dom) and stderr (the log, console included). */
    record Result(int code, String out, String log) {

        /** The lines of the log that are the page's console messages (script errors, failed loads). */
        List<String> consoleMessages() {
            return log.lines().filter(l -> l.contains(":CONSOLE")).toList();
        }
    }

    /** Runs the browser headless on {@code page} with {@code extra} switches, with no network to reach. */
    static Result run(Path browser, Path page, Path work, String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--user-data-dir=" + work.resolve("profile"),
                "--enable-logging=stderr", "--log-level=0", "--proxy-server=127.0.0.1:9",
                "--window-size=900,5200", "--hide-scrollbars"));
        command.addAll(List.of(extra));
        command.add(page.toUri().toString());
        Path out = work.resolve("chromium.out");
        Path log = work.resolve("chromium.log");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s on " + page);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(log, StandardCharsets.UTF_8));
    }
}
