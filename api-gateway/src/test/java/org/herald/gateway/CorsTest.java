package org.herald.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "herald.gateway.cors.allowed-origins=https://app.example, https://other.example")
class CorsTest {

    private static final RecordingBackend ingest = RecordingBackend.start("ingest");

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("INGEST_URL", ingest::url);
    }

    @AfterAll
    static void stopBackend() {
        ingest.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        ingest.clear();
    }

    @Test
    void shouldAnswerThePreflightOfAnAllowedOriginWithoutBotheringTheBackend() throws Exception {
        HttpResponse<String> response = http.send(
                request("/send", "https://other.example")
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "content-type")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://other.example");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValueSatisfying(methods -> assertThat(methods).contains("POST"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(ingest.receivedNothing()).isTrue();
    }

    @Test
    void shouldGrantAnAllowedOriginOnTheActualCall() throws Exception {
        HttpResponse<String> response = http.send(
                request("/api/open/message/sendMessageResult?shortCode=x", "https://app.example")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers"))
                .hasValueSatisfying(exposed -> assertThat(exposed).containsIgnoringCase("X-Request-Id"));
        assertThat(ingest.next().rawPath()).isEqualTo("/api/open/message/sendMessageResult");
    }

    @Test
    void shouldRefuseAnOriginThatIsNotListed() throws Exception {
        HttpResponse<String> response = http.send(
                request("/send", "https://evil.example")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(ingest.receivedNothing()).isTrue();
    }

    @Test
    void shouldGrantNothingOutsideSendAndApi() throws Exception {
        HttpResponse<String> response = http.send(
                request("/m/0123456789abcdef0123456789abcdef", "https://app.example")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpRequest.Builder request(String path, String origin) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Origin", origin);
    }
}
