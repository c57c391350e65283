package org.herald.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.MockWebServer;
import org.herald.events.message.MessageCompleted;
import org.herald.events.topic.EventTypes;
import org.herald.events.topic.Topics;
import org.herald.testservers.RealServers;
import org.herald.transport.EventPublisher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service with its production default: no loopback or private receivers. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "herald.outbound.allow-private-networks=false",
            "herald.events.partitions=3",
            "herald.sealing.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="
        })
@DirtiesContext
class CallbackRefusalKafkaTest {

    private static final MockWebServer loopback = new MockWebServer();

    @Autowired
    EventPublisher publisher;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.registerKafka(registry);
        RealServers.registerPostgres(registry);
    }

    @BeforeAll
    static void startLoopbackReceiver() throws IOException {
        loopback.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterAll
    static void stop() {
        loopback.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "0x7f.1"})
    void shouldRefuseALoopbackCallbackUrlAndRecordWhy(String host) {
        String shortCode = UUID.randomUUID().toString().replace("-", "");
        String url = "http://" + host + ":" + loopback.getPort() + "/callback?token=SECRET";
        MessageCompleted completed =
                new MessageCompleted(shortCode, UUID.randomUUID(), 2, "", 1, 0, url, Instant.now());

        publisher.publishAndWait(
                Topics.MESSAGES_COMPLETED,
                EventTypes.MESSAGE_COMPLETED,
                shortCode,
                shortCode,
                completed,
                Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> !rows("select * from callback_events where event_id = ?", shortCode).stream()
                        .filter(row -> "FAILED".equals(row.get("state")))
                        .toList()
                        .isEmpty());
        Map<String, Object> event = rows("select * from callback_events where event_id = ?", shortCode)
                .get(0);
        assertThat((String) event.get("outcome"))
                .startsWith("refused http://")
                .contains("127.0.0.0/8 (loopback)")
                .doesNotContain("SECRET");
        List<Map<String, Object>> attempts = rows("select * from callback_attempts where event_id = ?", shortCode);
        assertThat(attempts).hasSize(1);
        assertThat(attempts.get(0)).containsEntry("http_status", null).containsEntry("error", event.get("outcome"));
        assertThat(loopback.getRequestCount()).isZero();
    }

    private List<Map<String, Object>> rows(String sql, String eventId) {
        return jdbc.sql(sql).param(eventId).query().listOfRows();
    }
}
