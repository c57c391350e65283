package org.herald.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BareHttpServerTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void shouldAnswerAcceptedOnlyAfterItsAcceptanceRan() throws Exception {
        AtomicInteger published = new AtomicInteger();
        try (BareHttpServer server = new BareHttpServer(published::incrementAndGet)) {
            String body = post(server, "{\"token\":\"t\",\"content\":\"c\"}");

            assertThat(published).hasValue(1);
            assertThat(HttpSendTarget.judge(new HttpConnection.Response(200, body))
                            .accepted())
                    .isTrue();
        }
    }

    @Test
    void shouldAnswerNotAcceptedWhenItsAcceptanceFails() throws Exception {
        try (BareHttpServer server = new BareHttpServer(() -> {
            throw new IllegalStateException("broker away");
        })) {
            String body = post(server, "{\"token\":\"t\",\"content\":\"c\"}");

            assertThat(HttpSendTarget.judge(new HttpConnection.Response(200, body))
                            .error())
                    .isEqualTo("code 500");
        }
    }

    private String post(BareHttpServer server, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "/send"))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
