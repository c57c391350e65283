package org.herald.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.herald.gateway.RecordingBackend.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The local stack's gateway also fronts provider-sandbox, the fake provider APIs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class LocalProfileRoutingTest extends IngestBackedGatewayTest {

    private static final RecordingBackend sandbox = RecordingBackend.start("provider-sandbox");

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        registry.add("SANDBOX_URL", sandbox::url);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void shouldRouteTheSandboxWithoutItsPrefix() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/sandbox/wecom/cgi-bin/webhook/send?key=k"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"msgtype\":\"text\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        Received received = sandbox.next();
        assertThat(received.rawPath()).isEqualTo("/wecom/cgi-bin/webhook/send");
        assertThat(received.rawQuery()).isEqualTo("key=k");
        assertThat(received.bodyText()).isEqualTo("{\"msgtype\":\"text\"}");
        assertThat(response.headers().firstValue("X-Backend")).hasValue("provider-sandbox");
    }

    @Test
    void shouldStillRouteIngest() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/m/abc"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(ingest.next().rawPath()).isEqualTo("/m/abc");
        assertThat(response.statusCode()).isEqualTo(200);
    }
}
