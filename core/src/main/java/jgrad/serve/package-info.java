/**
 * Recommendations and scores over HTTP, on the JDK's own server ({@code com.sun.net.httpserver}) with one
 * virtual thread per request.
 *
 * <p>{@link jgrad.serve.ModelServer} answers {@code GET /recommend?user=ID&k=K}, {@code POST /score} (JSON
 * rows or CSV), {@code GET /health}, {@code GET /metrics} (Prometheus text) and {@code POST /reload}. The
 * models it serves are one immutable {@link jgrad.serve.ServingModels} snapshot held in an atomic reference:
 * a request reads the reference once and finishes on that snapshot, so a reload swaps the models without
 * failing a request in flight, and a reload that fails keeps the old snapshot and says why. Bad input is a
 * 4xx answer with a JSON error ({@link jgrad.serve.ApiException}), never a stack trace.
 * {@link jgrad.serve.LoadGenerator} measures throughput and latency quantiles against a running server.
 */
package jgrad.serve;
