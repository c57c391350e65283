package org.herald.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.herald.events.message.MessageCompleted;
import org.herald.events.topic.EventTypes;
import org.herald.events.topic.Topics;
import org.herald.sandbox.ProviderSandbox;
import org.herald.sandbox.inbox.ReceivedRequest;
import org.herald.testservers.RealServers;
import org.herald.transport.EventPublisher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The schedule survives a restart: the service stops after a failed first attempt, a new one starts
 * on the same database and broker, and the callback is delivered exactly once.
 */
class CallbackRestartKafkaTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static ProviderSandbox sandbox;
    private static String databaseUrl;

    @BeforeAll
    static void start() {
        sandbox = ProviderSandbox.start();
        databaseUrl = RealServers.postgres().newDatabase();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void shouldDeliverExactlyOnceWhenRestartedMidSchedule() {
        String receiver = "restart-" + UUID.randomUUID();
        sandbox.behaviour().failNext("callback", receiver, 1, 503);
        String shortCode = UUID.randomUUID().toString().replace("-", "");
        MessageCompleted completed = new MessageCompleted(
                shortCode,
                UUID.randomUUID(),
                2,
                "",
                1,
                0,
                sandbox.baseUrl() + "/callback/" + receiver + "?token=SECRET",
                Instant.now());

        // The second attempt is due long after the first service is gone.
        try (ConfigurableApplicationContext first = service("0s,2s")) {
            first.getBean(EventPublisher.class)
                    .publishAndWait(
                            Topics.MESSAGES_COMPLETED,
                            EventTypes.MESSAGE_COMPLETED,
                            shortCode,
                            shortCode,
                            completed,
                            Duration.ofSeconds(10));
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            await().atMost(WAIT).until(() -> attempts(jdbc, shortCode).size() == 1);
            assertThat(event(jdbc, shortCode)).containsEntry("state", "PENDING");
        }
        assertThat(posts(receiver)).hasSize(1);

        try (ConfigurableApplicationContext second = service("0s,2s")) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            await().atMost(WAIT)
                    .until(() -> !"PENDING".equals(event(jdbc, shortCode).get("state")));

            assertThat(event(jdbc, shortCode))
                    .containsEntry("state", "DELIVERED")
                    .containsEntry("attempts", 2);
            assertThat(attempts(jdbc, shortCode))
                    .extracting(row -> row.get("http_status"))
                    .containsExactly(503, 200);
            assertThat(posts(receiver)).extracting(ReceivedRequest::status).containsExactlyInAnyOrder(503, 200);
        }
    }

    private static ConfigurableApplicationContext service(String schedule) {
        return new SpringApplicationBuilder(CallbackServiceApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--spring.kafka.bootstrap-servers="
                                + RealServers.kafka().bootstrapServers(),
                        "--spring.datasource.url=" + databaseUrl,
                        "--spring.datasource.username=" + RealServers.postgres().username(),
                        "--spring.datasource.password=" + RealServers.postgres().password(),
                        "--spring.jmx.enabled=false",
                        "--herald.outbound.allow-private-networks=true",
                        "--herald.events.partitions=3",
                        "--herald.sealing.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                        "--herald.callback.retry.schedule=" + schedule,
                        "--herald.callback.retry.jitter=0",
                        "--herald.callback.poller.interval=50ms");
    }

    private static Map<String, Object> event(JdbcClient jdbc, String eventId) {
        return jdbc.sql("select * from callback_events where event_id = ?")
                .param(eventId)
                .query()
                .singleRow();
    }

    private static List<Map<String, Object>> attempts(JdbcClient jdbc, String eventId) {
        return jdbc.sql("select * from callback_attempts where event_id = ? order by attempt")
                .param(eventId)
                .query()
                .listOfRows();
    }

    private static List<ReceivedRequest> posts(String receiver) {
        return sandbox.inbox().all().stream()
                .filter(post -> post.path().startsWith("/callback/" + receiver + "?"))
                .toList();
    }
}
