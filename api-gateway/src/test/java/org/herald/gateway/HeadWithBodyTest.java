package org.herald.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.herald.testservers.RealServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A request and its answer each cross the gateway as one write: a backend on blocking I/O finds the body
 * with the head instead of waiting for a second segment, and the caller reads the whole answer at once.
 * Both ends read what the first segment brought, as a blocking server does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HeadWithBodyTest {

    private static final String ANSWER =
            "{\"code\":200,\"msg\":\"请求成功\",\"data\":\"0123456789abcdef0123456789abcdef\"}";
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

    private static final FirstReadBackend ingest = new FirstReadBackend();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("INGEST_URL", ingest::url);
        RealServers.registerRedis(registry);
    }

    @AfterAll
    static void stopBackend() throws IOException {
        ingest.close();
    }

    @Test
    void shouldDeliverTheForwardedRequestAndTheRelayedAnswerInOneSegmentEach() throws Exception {
        String body = "{\"token\":\"0123456789abcdef0123456789abcdef\",\"title\":\"t\",\"content\":\"一次写完\"}";
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);

        try (Socket caller = new Socket(InetAddress.getLoopbackAddress(), port)) {
            caller.setSoTimeout(10_000);
            for (int round = 0; round < 5; round++) {
                ByteArrayOutputStream request = new ByteArrayOutputStream();
                request.writeBytes(("POST /send HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                + "Content-Length: " + bodyBytes.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                request.writeBytes(bodyBytes);
                caller.getOutputStream().write(request.toByteArray());

                String firstSegmentAtBackend = ingest.firstSegments.poll(10, TimeUnit.SECONDS);
                assertThat(firstSegmentAtBackend)
                        .as("the backend's first read of request %d", round)
                        .startsWith("POST /send HTTP/1.1")
                        .endsWith("\r\n\r\n" + body);

                String firstSegmentAtCaller = firstSegment(caller.getInputStream());
                assertThat(firstSegmentAtCaller)
                        .as("the caller's first read of answer %d", round)
                        .startsWith("HTTP/1.1 200")
                        .endsWith("\r\n\r\n" + ANSWER);
            }
        }
    }

    @Test
    void shouldStillAnswerAHeadRequestWhoseAnswerAnnouncesABodyItDoesNotCarry() throws Exception {
        try (Socket caller = new Socket(InetAddress.getLoopbackAddress(), port)) {
            caller.setSoTimeout(10_000);
            caller.getOutputStream()
                    .write("HEAD /send HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            assertThat(ingest.firstSegments.poll(10, TimeUnit.SECONDS)).startsWith("HEAD /send HTTP/1.1");
            String answer = firstSegment(caller.getInputStream());
            assertThat(answer)
                    .startsWith("HTTP/1.1 200")
                    .containsIgnoringCase("content-length: " + ANSWER.getBytes(StandardCharsets.UTF_8).length)
                    .endsWith("\r\n\r\n");
        }
    }

    private static String firstSegment(InputStream in) throws IOException {
        byte[] buffer = new byte[65_536];
        int read = in.read(buffer);
        return read < 0 ? "" : new String(buffer, 0, read, StandardCharsets.UTF_8);
    }

    /**
     * A keep-alive HTTP/1.1 backend on a plain socket that notes what its first read of each request
     * returned, reads the rest by Content-Length and answers in one write.
     */
    private static final class FirstReadBackend implements AutoCloseable {

        final BlockingQueue<String> firstSegments = new LinkedBlockingQueue<>();
        private final ServerSocket server;

        FirstReadBackend() {
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            daemon(this::accept).start();
        }

        private static Thread daemon(Runnable work) {
            Thread thread = new Thread(work, "first-read-backend");
            thread.setDaemon(true);
            return thread;
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket connection = server.accept();
                    daemon(() -> serve(connection)).start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(Socket connection) {
            try (connection) {
                InputStream in = connection.getInputStream();
                byte[] buffer = new byte[65_536];
                int read;
                while ((read = in.read(buffer)) > 0) {
                    String first = new String(buffer, 0, read, StandardCharsets.UTF_8);
                    firstSegments.add(first);
                    drainRestOfRequest(in, buffer, read);
                    byte[] answer = ANSWER.getBytes(StandardCharsets.UTF_8);
                    ByteArrayOutputStream response = new ByteArrayOutputStream();
                    response.writeBytes(("HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=UTF-8\r\n"
                                    + "Content-Length: " + answer.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    if (!first.startsWith("HEAD ")) {
                        response.writeBytes(answer);
                    }
                    connection.getOutputStream().write(response.toByteArray());
                }
            } catch (IOException closed) {
                // the gateway closed the connection
            }
        }

        /** Reads until the head and Content-Length bytes of body have arrived. */
        private static void drainRestOfRequest(InputStream in, byte[] buffer, int alreadyRead) throws IOException {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(buffer, 0, alreadyRead);
            while (true) {
                String soFar = request.toString(StandardCharsets.ISO_8859_1);
                int headEnd = soFar.indexOf("\r\n\r\n");
                if (headEnd >= 0) {
                    Matcher length = CONTENT_LENGTH.matcher(soFar.substring(0, headEnd));
                    int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
                    if (request.size() >= headEnd + 4 + bodyLength) {
                        return;
                    }
                }
                int read = in.read(buffer);
                if (read < 0) {
                    throw new IOException("the connection closed mid-request");
                }
                request.write(buffer, 0, read);
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
