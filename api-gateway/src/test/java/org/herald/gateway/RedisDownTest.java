package org.herald.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Without Redis the limits cannot be counted; sending must go on regardless. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedisDownTest {

    private static final RecordingBackend ingest = RecordingBackend.start("ingest");

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("INGEST_URL", ingest::url);
        String deadRedis = RecordingBackend.deadUrl();
        registry.add("REDIS_HOST", () -> "127.0.0.1");
        registry.add("REDIS_PORT", () -> deadRedis.substring(deadRedis.lastIndexOf(':') + 1));
    }

    @AfterAll
    static void stopBackend() {
        ingest.close();
    }

    @Test
    void shouldKeepForwardingWhenRedisIsDown() throws Exception {
        ingest.answerWithHeader("X-Herald-Code", "903");
        String json = "{\"token\":\"0123456789abcdef0123456789abcdef\",\"content\":\"c\"}";

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/send"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(RecordingBackend.ANSWER);
            assertThat(ingest.next().bodyText()).isEqualTo(json);
        }
        HttpResponse<String> health = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }
}
