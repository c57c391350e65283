package org.herald.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHeadersTest extends IngestBackedGatewayTest {

    @Test
    void shouldHardenARelayedAnswer() throws Exception {
        HttpResponse<String> response = send("GET", "/m/0123456789abcdef0123456789abcdef", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertHardened(response.headers(), "DENY");
    }

    @Test
    void shouldKeepTheBackendsOwnFrameOptions() throws Exception {
        ingest.answerWithHeader("X-Frame-Options", "SAMEORIGIN");

        HttpResponse<String> response = send("GET", "/m/0123456789abcdef0123456789abcdef", null);

        assertHardened(response.headers(), "SAMEORIGIN");
    }

    @Test
    void shouldHardenTheGatewaysOwnAnswers() throws Exception {
        assertHardened(send("GET", "/nothing/here", null).headers(), "DENY");
        assertHardened(send("GET", "/actuator/health", null).headers(), "DENY");
    }

    @Test
    void shouldGrantNoCrossOriginAccessUnlessConfigured() throws Exception {
        HttpResponse<String> response = send("POST", "/send", "https://app.example");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static void assertHardened(HttpHeaders headers, String frameOptions) {
        assertThat(headers.allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(headers.allValues("Referrer-Policy")).containsExactly("no-referrer");
        assertThat(headers.allValues("X-Frame-Options")).containsExactly(frameOptions);
    }

    private HttpResponse<String> send(String method, String path, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
