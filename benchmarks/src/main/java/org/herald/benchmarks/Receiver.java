package org.herald.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The webhook endpoint Herald delivers to during a run (on loopback): it notes each arrival in a
 * {@link DeliveryLedger} by the {@code Idempotency-Key} header and the HiFlow body's
 * {@code shortCode}, then answers 200 after an optional delay (a slow receiver).
 */
final class Receiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final DeliveryLedger ledger;
    private final long delayMillis;

    private Receiver(HttpServer server, ExecutorService executor, DeliveryLedger ledger, long delayMillis) {
        this.server = server;
        this.executor = executor;
        this.ledger = ledger;
        this.delayMillis = delayMillis;
    }

    static Receiver start(DeliveryLedger ledger, long delayMillis, int threads) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            ExecutorService executor = Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, "receiver");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            Receiver receiver = new Receiver(server, executor, ledger, delayMillis);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the receiver", e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        ledger.arrived(
                exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                shortCodeOf(new String(body, StandardCharsets.UTF_8)),
                arrived);
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    /** HiFlow bodies carry {@code "shortCode":"…"}. */
    static String shortCodeOf(String body) {
        int at = body.indexOf("\"shortCode\":\"");
        if (at < 0) {
            return null;
        }
        int from = at + 13;
        int to = body.indexOf('"', from);
        return to < 0 ? null : body.substring(from, to);
    }

    /** The URL to configure as a webhook; {@code name} only tells targets apart in logs. */
    String url(String name) {
        return "http://localhost:" + server.getAddress().getPort() + "/hook/" + name;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
