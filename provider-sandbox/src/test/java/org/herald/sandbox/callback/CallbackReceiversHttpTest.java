package org.herald.sandbox.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.herald.sandbox.inbox.Inbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CallbackReceiversHttpTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String BODY = "{\"event\":\"add_friend\"}";

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Inbox inbox;

    @Test
    void shouldVerifyTheSignatureWithTheSecretItWasGiven() throws Exception {
        configure("signed", "{\"secret\":\"" + SECRET + "\"}");
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String good =
                "v1," + Base64.getEncoder().encodeToString(SignatureCheck.hmac(SECRET, "frd_1", timestamp, bytes()));

        HttpResponse<String> verified = post("signed", "frd_1", timestamp, good);
        HttpResponse<String> forged = post("signed", "frd_1", timestamp, "v1,AAAA" + good.substring(7));

        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(forged.statusCode()).isEqualTo(200);
        assertThat(inbox.newestFirst("callback", 2))
                .extracting(request -> request.verdict())
                .containsExactly("accepted; signature INVALID", "accepted; signature verified");
    }

    @Test
    void shouldAnswer410WhenGoneAnd429WithRetryAfterWhenScripted() throws Exception {
        configure("gone", "{\"gone\":true}");
        configure("busy", "{\"retryAfter\":\"7\",\"failTimes\":1,\"status\":429}");

        HttpResponse<String> gone = post("gone", "frd_2", "1", null);
        HttpResponse<String> busy = post("busy", "frd_3", "1", null);
        HttpResponse<String> again = post("busy", "frd_3", "1", null);

        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(busy.statusCode()).isEqualTo(429);
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(again.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseASecretThatIsNotWhsecAndNeverEchoTheSecret() throws Exception {
        HttpResponse<String> bad = configure("x", "{\"secret\":\"plain\"}");
        HttpResponse<String> good = configure("y", "{\"secret\":\"" + SECRET + "\",\"delayMillis\":10}");

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(good.body()).contains("\"verifiesSignatures\":true").doesNotContain(SECRET);
    }

    private HttpResponse<String> configure(String receiver, String json) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/callback-receivers/" + receiver))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String receiver, String id, String timestamp, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/callback/" + receiver))
                .header("Content-Type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", timestamp);
        if (signature != null) {
            request.header("webhook-signature", signature);
        }
        return client.send(
                request.POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] bytes() {
        return BODY.getBytes(StandardCharsets.UTF_8);
    }
}
