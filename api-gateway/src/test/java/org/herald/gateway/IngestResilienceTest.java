package org.herald.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.herald.testservers.RealServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "herald.gateway.ingest-response-timeout-ms=2000",
            "herald.gateway.circuit-breaker.sliding-window-size=4",
            "herald.gateway.circuit-breaker.minimum-calls=4",
            "herald.gateway.circuit-breaker.wait-in-open-state=8s",
            "herald.gateway.circuit-breaker.half-open-calls=1"
        })
@ExtendWith(OutputCaptureExtension.class)
class IngestResilienceTest {

    private static final String BUSY = "{\"code\":500,\"msg\":\"服务繁忙，请稍后重试\",\"data\":null}";
    private static final RecordingBackend ingest = RecordingBackend.start("ingest");

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Value("${local.server.port}")
    int port;

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("INGEST_URL", ingest::url);
        RealServers.registerRedis(registry);
    }

    @AfterAll
    static void stopBackend() {
        ingest.close();
    }

    @BeforeEach
    void startClosed() {
        ingest.clear();
        breakers.getCircuitBreakerRegistry().find("ingest").ifPresent(CircuitBreaker::reset);
    }

    @Test
    void shouldAnswerBusyAtOnceWhenIngestIsDown() throws Exception {
        ingest.stop();
        try {
            HttpResponse<String> response = send("{\"token\":\"t\",\"content\":\"c\"}");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
            assertThat(response.body()).isEqualTo(BUSY);
        } finally {
            ingest.restart();
        }
    }

    @Test
    void shouldLogTheBusyAnswerUnderTheCallersTraceId(CapturedOutput output) throws Exception {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        ingest.stop();
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/send"))
                            .timeout(Duration.ofSeconds(5))
                            .header("Content-Type", "application/json")
                            .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"t\",\"content\":\"c\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(503);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                            output.getOut().lines().filter(line -> line.contains("Route ingest answered busy")))
                    .anyMatch(line -> line.contains("[" + traceId + ",")));
        } finally {
            ingest.restart();
        }
    }

    @Test
    void shouldAnswerBusyWhenIngestIsSlowerThanTheResponseTimeout() throws Exception {
        ingest.answerAfter(Duration.ofSeconds(6));

        HttpResponse<String> response = send("{\"token\":\"t\",\"content\":\"c\"}");

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).isEqualTo(BUSY);
    }

    @Test
    void shouldRelayASlowAnswerThatComesWithinTheResponseTimeout() throws Exception {
        // Longer than resilience4j's default time limit of one second, which must not cut the call short.
        ingest.answerAfter(Duration.ofMillis(1300));

        HttpResponse<String> response = send("{\"token\":\"t\",\"content\":\"c\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(RecordingBackend.ANSWER);
    }

    @Test
    void shouldStopCallingIngestWhileTheBreakerIsOpenAndLetRequestsFlowOnceItIsBack() throws Exception {
        ingest.stop();
        for (int i = 0; i < 4; i++) {
            assertThat(send("{}").statusCode()).isEqualTo(503);
        }
        ingest.restart();

        HttpResponse<String> whileOpen = send("{\"during\":\"open\"}");
        assertThat(whileOpen.statusCode()).isEqualTo(503);
        assertThat(whileOpen.body()).isEqualTo(BUSY);
        assertThat(ingest.receivedNothing()).isTrue();

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(send("{\"after\":\"recovery\"}").statusCode())
                        .isEqualTo(200));
        assertThat(ingest.next().bodyText()).isEqualTo("{\"after\":\"recovery\"}");
    }

    private HttpResponse<String> send(String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/send"))
                        // The bound the gateway must answer within, timeouts included.
                        .timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
