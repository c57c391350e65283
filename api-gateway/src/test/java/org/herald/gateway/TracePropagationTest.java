package org.herald.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.herald.gateway.RecordingBackend.Received;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The W3C trace context reaches ingest, which continues it into Kafka (tested in ingest-service). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TracePropagationTest extends IngestBackedGatewayTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @Test
    void shouldContinueTheCallersTraceToIngestAlongWithTheRequestId() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway())
                .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
                .header("X-Request-Id", "req-traced-1"));

        Received received = ingest.next();
        String traceparent = received.header("traceparent");
        assertThat(traceparent).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
        // The gateway's own span sits between the caller's and ingest's.
        assertThat(traceparent).doesNotContain(CALLER_SPAN);
        assertThat(received.header("X-Request-Id")).isEqualTo("req-traced-1");
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldStartATraceForACallerWithoutOne() throws Exception {
        send(HttpRequest.newBuilder(gateway()));

        assertThat(ingest.next().header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    private URI gateway() {
        return URI.create("http://localhost:" + port + "/send/0123456789abcdef0123456789abcdef?content=x");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
