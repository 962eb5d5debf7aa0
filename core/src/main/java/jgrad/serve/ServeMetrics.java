package jgrad.serve;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counts by endpoint and status, and latency quantiles by endpoint, written in the Prometheus text
 * exposition format (version 0.0.4): a counter {@code jgrad_requests_total{endpoint,status}} and a summary
 * {@code jgrad_request_seconds{endpoint,quantile}} with {@code _sum} and {@code _count}. The quantiles are
 * those of the last {@value #WINDOW} requests of each endpoint (nearest rank), so they follow the present
 * load rather than the server's whole life; counts and sums cover its whole life.
 */
public final class ServeMetrics {

    static final int WINDOW = 4096;
    private static final double[] QUANTILES = {0.5, 0.9, 0.99};

    private final Map<String, LongAdder> counts = new ConcurrentSkipListMap<>();
    private final Map<String, Latencies> latencies = new ConcurrentHashMap<>();

    /** Records one answered request; {@code endpoint} must come from a small fixed set (it is a label). */
    public void record(String endpoint, int status, long nanos) {
        counts.computeIfAbsent(endpoint + "\0" + status, _ -> new LongAdder()).increment();
        latencies.computeIfAbsent(endpoint, _ -> new Latencies()).add(nanos);
    }

    /** How many requests to {@code endpoint} were answered with {@code status}. */
    public long count(String endpoint, int status) {
        LongAdder n = counts.get(endpoint + "\0" + status);
        return n == null ? 0 : n.sum();
    }

    /** The q-quantile, in seconds, of the last {@value #WINDOW} latencies of {@code endpoint}; NaN before any. */
    public double latencySeconds(String endpoint, double q) {
        Latencies l = latencies.get(endpoint);
        return l == null ? Double.NaN : l.quantileSeconds(q);
    }

    /** The metrics in the Prometheus text format. */
    public String prometheusText() {
        StringBuilder sb = new StringBuilder();
        sb.append("# HELP jgrad_requests_total Requests answered, by endpoint and HTTP status.\n");
        sb.append("# TYPE jgrad_requests_total counter\n");
        counts.forEach((key, n) -> {
            String[] parts = key.split("\0");
            sb.append("jgrad_requests_total{endpoint=\"").append(parts[0]).append("\",status=\"").append(parts[1])
                    .append("\"} ").append(n.sum()).append('\n');
        });
        sb.append("# HELP jgrad_request_seconds Time from reading a request to its answer, by endpoint; quantiles"
                + " over the last ").append(WINDOW).append(" requests.\n");
        sb.append("# TYPE jgrad_request_seconds summary\n");
        new ConcurrentSkipListMap<>(latencies).forEach((endpoint, l) -> l.write(endpoint, sb));
        return sb.toString();
    }

    /** A ring of the last WINDOW latencies of one endpoint, with the lifetime sum and count. */
    private static final class Latencies {
        private final long[] ring = new long[WINDOW];
        private long count;
        private long sumNanos;

        synchronized void add(long nanos) {
            ring[(int) (count % WINDOW)] = nanos;
            count++;
            sumNanos += nanos;
        }

        /** The window's latencies, sorted; copied under the lock, sorted outside it. */
        long[] sortedWindow() {
            long[] window;
            synchronized (this) {
                window = Arrays.copyOf(ring, (int) Math.min(count, WINDOW));
            }
            Arrays.sort(window);
            return window;
        }

        double quantileSeconds(double q) {
            long[] window = sortedWindow();
            return window.length == 0 ? Double.NaN : window[nearestRank(q, window.length)] / 1e9;
        }

        void write(String endpoint, StringBuilder sb) {
            long n;
            long sum;
            synchronized (this) {
                n = count;
                sum = sumNanos;
            }
            long[] window = sortedWindow();
            for (double q : QUANTILES) {
                double seconds = window.length == 0 ? Double.NaN : window[nearestRank(q, window.length)] / 1e9;
                sb.append(String.format(Locale.ROOT, "jgrad_request_seconds{endpoint=\"%s\",quantile=\"%s\"} %s%n",
                        endpoint, q, seconds));
            }
            sb.append(String.format(Locale.ROOT, "jgrad_request_seconds_sum{endpoint=\"%s\"} %s%n", endpoint,
                    sum / 1e9));
            sb.append(String.format(Locale.ROOT, "jgrad_request_seconds_count{endpoint=\"%s\"} %d%n", endpoint, n));
        }
    }

    /** The 0-based index of the q-quantile of n sorted values, by the nearest-rank rule ⌈q·n⌉. */
    static int nearestRank(double q, int n) {
        return Math.max(0, (int) Math.ceil(q * n) - 1);
    }
}
