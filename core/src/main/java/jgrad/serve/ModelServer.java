package jgrad.serve;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server for recommendations and scores (see the package summary for the endpoints), one virtual
 * thread per request. The models are one {@link ServingModels} snapshot in an atomic reference: a request
 * reads it once and finishes on it, {@link #reload()} reads new models from the {@link ModelSource} and
 * swaps them in whole, so no request ever sees half of a reload, and a reload that fails keeps the
 * snapshot that was serving. {@link #watch} reloads when a model file changes.
 */
public final class ModelServer implements AutoCloseable {

    /** The outcome of a reload: whether the models were swapped, and the new version or why not. */
    public record Reload(boolean swapped, String message) {
    }

    private final ModelSource source;
    private final AtomicReference<ServingModels> models;
    private final ServeMetrics metrics = new ServeMetrics();
    private final AtomicLong reloads = new AtomicLong();
    private final Object reloadLock = new Object();
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpServer http;
    private volatile Thread watcher;

    private ModelServer(ModelSource source, ServingModels initial, ServeOptions options) throws IOException {
        this.source = source;
        this.models = new AtomicReference<>(initial);
        this.http = bind(options);
        this.http.setExecutor(requests);
        new Endpoints(this, options).register(http);
        this.http.start();
    }

    /**
     * Loads the models and starts answering. A port that is taken is an {@link IOException} that says so; a
     * model that cannot be loaded is the source's exception, and nothing is started.
     */
    public static ModelServer start(ServeOptions options, ModelSource source) throws Exception {
        Objects.requireNonNull(source, "source");
        ServingModels initial = Objects.requireNonNull(source.load(), "the model source returned no models");
        return new ModelServer(source, initial, options);
    }

    private static HttpServer bind(ServeOptions options) throws IOException {
        InetSocketAddress address = new InetSocketAddress(options.address(), options.port());
        try {
            return HttpServer.create(address, 1024);
        } catch (BindException e) {
            throw new IOException("cannot listen on " + options.address().getHostAddress() + ":" + options.port()
                    + ": the port is in use by another program (or not allowed); choose another port ("
                    + e.getMessage() + ")", e);
        }
    }

    /** The port the server listens on (the one chosen when the options asked for 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The snapshot new requests are answered with. */
    public ServingModels current() {
        return models.get();
    }

    public ServeMetrics metrics() {
        return metrics;
    }

    /** How many reloads have swapped the models since the start. */
    public long reloads() {
        return reloads.get();
    }

    /**
     * Reads the models again and swaps them in. On any failure the models that were serving stay, and the
     * answer says why. Reloads run one at a time; requests never wait for them.
     */
    public Reload reload() {
        synchronized (reloadLock) {
            ServingModels fresh;
            try {
                fresh = source.load();
            } catch (Exception | OutOfMemoryError e) {
                return new Reload(false, "reload failed, still serving " + models.get().version() + ": "
                        + describe(e));
            }
            if (fresh == null) {
                return new Reload(false, "reload failed, still serving " + models.get().version()
                        + ": the model source returned no models");
            }
            models.set(fresh);
            reloads.incrementAndGet();
            return new Reload(true, "now serving " + fresh.version());
        }
    }

    /**
     * Reloads whenever one of {@code files} changes (its modification time or size), checking every
     * {@code every}; each outcome goes to {@code log}. A file being written may be seen half-way: that
     * reload fails, keeps the old models, and the next change (the write's end) reloads again.
     */
    public void watch(List<Path> files, Duration every, Consumer<String> log) {
        List<Path> watched = List.copyOf(files);
        watcher = Thread.ofVirtual().name("jgrad-serve-watch").start(() -> {
            String last = stamp(watched);
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(every);
                } catch (InterruptedException e) {
                    return;
                }
                String now = stamp(watched);
                if (!now.equals(last)) {
                    last = now;
                    log.accept(reload().message());
                }
            }
        });
    }

    private static String stamp(List<Path> files) {
        StringBuilder sb = new StringBuilder();
        for (Path f : files) {
            try {
                FileTime time = Files.getLastModifiedTime(f);
                sb.append(time.toMillis()).append('/').append(Files.size(f)).append(';');
            } catch (IOException e) {
                sb.append("absent;");
            }
        }
        return sb.toString();
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** Stops listening, lets requests in flight finish (up to a second), and stops the watcher. */
    @Override
    public void close() {
        Thread w = watcher;
        if (w != null) {
            w.interrupt();
        }
        http.stop(1);
        requests.close();
    }
}
