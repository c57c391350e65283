package org.herald.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "herald.gateway.cors.allowed-origins=https://app.example, https://other.example")
class CorsTest extends IngestBackedGatewayTest {

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
