package org.herald.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.herald.gateway.RecordingBackend.Received;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestIdTest extends IngestBackedGatewayTest {

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("CHANNEL_WECHAT_URL", RecordingBackend::deadUrl);
    }

    @Test
    void shouldPassTheCallersRequestIdToTheBackendAndBack() throws Exception {
        String id = "req-2026.11.23_abc:42/" + "x".repeat(106);

        HttpResponse<String> response = get("/m/0123456789abcdef0123456789abcdef", id);

        assertThat(ingest.next().header("X-Request-Id")).isEqualTo(id);
        assertThat(response.headers().allValues("X-Request-Id")).containsExactly(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "tab\there"})
    void shouldReplaceAMalformedRequestIdWithAFreshOne(String malformed) throws Exception {
        assertReplaced(get("/m/0123456789abcdef0123456789abcdef", malformed), malformed);
    }

    @Test
    void shouldReplaceARequestIdLongerThan128Characters() throws Exception {
        String tooLong = "x".repeat(129);

        assertReplaced(get("/m/0123456789abcdef0123456789abcdef", tooLong), tooLong);
    }

    @Test
    void shouldReplaceARequestIdWithBytesOutsideAscii() throws Exception {
        // Java's HTTP client would turn the byte into '?', so this request is written by hand.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /m/0123456789abcdef0123456789abcdef HTTP/1.1\r\nHost: localhost\r\n"
                            + "Connection: close\r\nX-Request-Id: caf\u00e9\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            String id = ingest.next().header("X-Request-Id");
            assertThat(UUID.fromString(id).toString()).isEqualTo(id);
            assertThat(answer).startsWith("HTTP/1.1 200").containsIgnoringCase("X-Request-Id: " + id + "\r\n");
        }
    }

    @Test
    void shouldGiveARequestWithoutIdAFreshOne() throws Exception {
        assertReplaced(get("/m/0123456789abcdef0123456789abcdef", null), null);
    }

    @Test
    void shouldReturnTheRequestIdOnTheGatewaysOwnAnswers() throws Exception {
        HttpResponse<String> notFound = get("/nothing/here", "trace-404");
        HttpResponse<String> busy = get("/wechat/event", "trace-503");

        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.headers().firstValue("X-Request-Id")).hasValue("trace-404");
        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.headers().firstValue("X-Request-Id")).hasValue("trace-503");
    }

    private void assertReplaced(HttpResponse<String> response, String sent) throws Exception {
        Received received = ingest.next();
        String id = received.header("X-Request-Id");
        assertThat(id).isNotEqualTo(sent);
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(response.headers().allValues("X-Request-Id")).containsExactly(id);
    }

    private HttpResponse<String> get(String path, String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET();
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
