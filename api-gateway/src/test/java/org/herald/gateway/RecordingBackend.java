package org.herald.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real HTTP server on a loopback port standing in for a Herald backend; it records what arrives. */
final class RecordingBackend implements AutoCloseable {

    /** What the backend received: the raw path and query exactly as they came over the wire. */
    record Received(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : String.join(",", values);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static final String ANSWER = "{\"code\":200,\"msg\":\"请求成功\",\"data\":\"0123456789abcdef0123456789abcdef\"}";

    private final String name;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final Map<String, String> extraAnswerHeaders = new ConcurrentHashMap<>();
    private volatile Duration answerDelay = Duration.ZERO;
    private final InetSocketAddress address;
    private volatile HttpServer server;

    private RecordingBackend(String name) throws IOException {
        this.name = name;
        this.server = listen(new InetSocketAddress("127.0.0.1", 0));
        this.address = server.getAddress();
    }

    private HttpServer listen(InetSocketAddress address) throws IOException {
        HttpServer listening = HttpServer.create(address, 0);
        listening.createContext("/", exchange -> {
            try (exchange) {
                Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                headers.putAll(exchange.getRequestHeaders());
                received.add(new Received(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(),
                        headers,
                        exchange.getRequestBody().readAllBytes()));
                Thread.sleep(answerDelay.toMillis());
                byte[] answer = ANSWER.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
                exchange.getResponseHeaders().add("X-Backend", name);
                extraAnswerHeaders.forEach(exchange.getResponseHeaders()::add);
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // Several threads, so that a deliberately slow answer does not hold up the next request.
        listening.setExecutor(Executors.newCachedThreadPool());
        listening.start();
        return listening;
    }

    static RecordingBackend start(String name) {
        try {
            return new RecordingBackend(name);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the " + name + " backend", e);
        }
    }

    /** A loopback URL where nothing listens: the port was free a moment ago and is closed again. */
    static String deadUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + address.getPort();
    }

    int port() {
        return address.getPort();
    }

    Received next() throws InterruptedException {
        Received next = received.poll(10, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("the backend received no request");
        }
        return next;
    }

    boolean receivedNothing() {
        return received.isEmpty();
    }

    void clear() {
        received.clear();
        extraAnswerHeaders.clear();
        answerDelay = Duration.ZERO;
    }

    /** Holds every answer back this long, as an overloaded backend would. */
    void answerAfter(Duration delay) {
        answerDelay = delay;
    }

    void answerWithHeader(String name, String value) {
        extraAnswerHeaders.put(name, value);
    }

    /** Stops listening: connections to its port are refused until {@link #restart()}. */
    void stop() {
        server.stop(0);
    }

    /** Listens again on the same port, as a restarted backend would. */
    void restart() {
        try {
            server = listen(address);
        } catch (IOException e) {
            throw new IllegalStateException("could not restart the " + name + " backend", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
