package org.herald.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.herald.sandbox.inbox.ReceivedRequest;
import org.junit.jupiter.api.Test;

class ProviderSandboxTest {

    @Test
    void shouldRunInsideAnotherJvmOnAFreePortAndExposeItsInbox() throws Exception {
        try (ProviderSandbox sandbox = ProviderSandbox.start()) {
            sandbox.behaviour().failNext("hiflow", "x", 1, 502);
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest post = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/hiflow/x"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"k\":1}"))
                    .build();

            int first = http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
            int second = http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();

            assertThat(sandbox.port()).isPositive();
            assertThat(first).isEqualTo(502);
            assertThat(second).isEqualTo(200);
            assertThat(sandbox.inbox().newestFirst("hiflow", 10))
                    .extracting(ReceivedRequest::status)
                    .containsExactly(200, 502);
        }
    }
}
