package org.herald.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guard in front of a real HTTP server on loopback. */
class OutboundHttpTest {

    private final MockWebServer server = new MockWebServer();
    private OutboundHttp http;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
        if (http != null) {
            http.close();
        }
    }

    @Test
    void shouldRefuseALoopbackLiteralWhenPrivateNetworksAreNotAllowed() {
        http = new OutboundHttp(new OutboundHttpClientFactory(OutboundHttpProperties.defaults(false)));

        assertThatThrownBy(() -> post("http://127.0.0.1:" + server.getPort() + "/hook?key=SECRET"))
                .isInstanceOf(RefusedUrlException.class)
                .hasMessage(
                        "refused http://127.0.0.1:" + server.getPort() + "/…: 127.0.0.1 is in 127.0.0.0/8 (loopback)");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void shouldRefuseAHostNameThatResolvesToLoopbackWhenPrivateNetworksAreNotAllowed() {
        http = new OutboundHttp(new OutboundHttpClientFactory(OutboundHttpProperties.defaults(false)));

        assertThatThrownBy(() -> post("http://localhost:" + server.getPort() + "/hook?key=SECRET"))
                .isInstanceOf(RefusedUrlException.class)
                .hasMessageStartingWith(
                        "refused http://localhost:" + server.getPort() + "/…: resolves to a refused address: ")
                .hasMessageNotContaining("SECRET");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void shouldRefuseANameWhenAnyOfItsAddressesIsRefused() {
        Dns rebinding = host -> List.of(address("93.184.215.14"), InetAddress.getLoopbackAddress());
        http = new OutboundHttp(new OutboundHttpClientFactory(OutboundHttpProperties.defaults(false), rebinding));

        assertThatThrownBy(() -> post("http://rebind.example:" + server.getPort() + "/hook"))
                .isInstanceOf(RefusedUrlException.class)
                .hasMessageContaining("resolves to a refused address: 127.0.0.1 is in 127.0.0.0/8");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void shouldReachALoopbackTargetWhenPrivateNetworksAreAllowed() throws Exception {
        http = new OutboundHttp(new OutboundHttpClientFactory(OutboundHttpProperties.defaults(true)));
        server.enqueue(
                new MockResponse.Builder().code(200).body("{\"ok\":true}").build());

        OutboundResponse response = http.post(
                "http://localhost:" + server.getPort() + "/hook?key=1",
                Map.of("Idempotency-Key", "d-1"),
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                "application/json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText(1024)).isEqualTo("{\"ok\":true}");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/hook?key=1");
        assertThat(request.getHeaders().get("Idempotency-Key")).isEqualTo("d-1");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(request.getBody().utf8()).isEqualTo("{\"a\":1}");
    }

    @Test
    void shouldReachALoopbackTargetSpelledInDecimalWhenPrivateNetworksAreAllowed() throws Exception {
        http = new OutboundHttp(new OutboundHttpClientFactory(OutboundHttpProperties.defaults(true)));
        server.enqueue(new MockResponse.Builder().code(204).build());

        OutboundResponse response = post("http://2130706433:" + server.getPort() + "/x");

        assertThat(response.status()).isEqualTo(204);
        assertThat(server.takeRequest().getHeaders().get("Host")).isEqualTo("127.0.0.1:" + server.getPort());
    }

    @Test
    void shouldAnswerARedirectWithoutFollowingIt() throws Exception {
        http = new OutboundHttp(new OutboundHttpClientFactory(OutboundHttpProperties.defaults(true)));
        server.enqueue(new MockResponse.Builder()
                .code(302)
                .addHeader("Location", "http://169.254.169.254/latest/meta-data/")
                .build());

        OutboundResponse response = post("http://localhost:" + server.getPort() + "/hook");

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.successful()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void shouldLeaveRetryingARequestTimeoutToTheCaller() throws Exception {
        http = new OutboundHttp(new OutboundHttpClientFactory(OutboundHttpProperties.defaults(true)));
        server.enqueue(new MockResponse.Builder().code(408).build());
        server.enqueue(new MockResponse.Builder().code(200).build());

        OutboundResponse response = post("http://localhost:" + server.getPort() + "/hook");

        assertThat(response.status()).isEqualTo(408);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void shouldReadNoMoreThanTheConfiguredResponseBytes() throws Exception {
        http = new OutboundHttp(new OutboundHttpClientFactory(new OutboundHttpProperties(
                true, Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(15), 1000, 64)));
        server.enqueue(
                new MockResponse.Builder().code(200).body("x".repeat(100_000)).build());

        OutboundResponse response = post("http://localhost:" + server.getPort() + "/big");

        assertThat(response.body()).hasSize(1000);
    }

    @Test
    void shouldKeepTheConnectionsOfCallsMadeAtOnceOpenForTheNextCalls() throws Exception {
        OkHttpClient client = new OutboundHttpClientFactory(OutboundHttpProperties.defaults(true)).create();
        int atOnce = 12;
        for (int i = 0; i < atOnce; i++) {
            server.enqueue(new MockResponse.Builder()
                    .code(200)
                    .headersDelay(300, java.util.concurrent.TimeUnit.MILLISECONDS)
                    .build());
        }
        Request request = new Request.Builder()
                .url("http://localhost:" + server.getPort() + "/hook")
                .build();

        List<Future<Integer>> calls;
        ExecutorService callers = Executors.newFixedThreadPool(atOnce);
        try {
            calls = callers.invokeAll(IntStream.range(0, atOnce)
                    .mapToObj(i -> (Callable<Integer>) () -> {
                        try (okhttp3.Response response = client.newCall(request).execute()) {
                            return response.code();
                        }
                    })
                    .toList());
        } finally {
            callers.shutdown();
        }

        for (Future<Integer> call : calls) {
            assertThat(call.get()).isEqualTo(200);
        }
        // OkHttp's own default keeps 5 and closes the rest.
        assertThat(client.connectionPool().idleConnectionCount()).isEqualTo(atOnce);
    }

    @Test
    void shouldGuardRequestsBuiltDirectlyOnTheClient() {
        OkHttpClient client = new OutboundHttpClientFactory(OutboundHttpProperties.defaults(false)).create();
        Request request = new Request.Builder()
                .url("http://0x7f.1:" + server.getPort() + "/hook")
                .build();

        assertThatThrownBy(() -> client.newCall(request).execute())
                .isInstanceOf(RefusedUrlException.class)
                .hasMessageContaining("127.0.0.1 is in 127.0.0.0/8");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void shouldTreatATimeoutAsANetworkFailureNotARefusal() {
        http = new OutboundHttp(new OutboundHttpClientFactory(new OutboundHttpProperties(
                true, Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(5), 65536, 64)));
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .headersDelay(2, java.util.concurrent.TimeUnit.SECONDS)
                .build());

        assertThatThrownBy(() -> post("http://localhost:" + server.getPort() + "/slow"))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(RefusedUrlException.class);
    }

    private OutboundResponse post(String url) throws IOException {
        return http.post(url, Map.of(), "{}".getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
