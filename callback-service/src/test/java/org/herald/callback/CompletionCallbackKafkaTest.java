package org.herald.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.herald.events.message.MessageCompleted;
import org.herald.events.topic.EventTypes;
import org.herald.events.topic.Topics;
import org.herald.sandbox.ProviderSandbox;
import org.herald.sandbox.inbox.ReceivedRequest;
import org.herald.testservers.RealServers;
import org.herald.testservers.TopicTap;
import org.herald.transport.EventPublisher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service as deployed: real Kafka and PostgreSQL, and the provider sandbox's callback receiver
 * in the same JVM, reached over real HTTP on loopback.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "herald.outbound.allow-private-networks=true",
            "herald.events.partitions=3",
            "herald.callback.retry.attempts=3",
            "herald.callback.retry.initial-delay=200ms",
            "herald.callback.retry.multiplier=1.5"
        })
@DirtiesContext
class CompletionCallbackKafkaTest {

    private static final String DLT = Topics.MESSAGES_COMPLETED.name() + ".dlt";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static ProviderSandbox sandbox;
    private static TopicTap tap;

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
    static void startSandbox() {
        sandbox = ProviderSandbox.start();
    }

    @BeforeEach
    void tapOnceTheTopicsExist() {
        if (tap == null) {
            tap = TopicTap.on(DLT);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        sandbox.close();
        tap.close();
        tap = null;
    }

    @Test
    void shouldPostMessageComplateOnceWithStandardWebhooksHeaders() {
        String receiver = receiver("once");
        MessageCompleted completed = completed(receiverUrl(receiver));
        long before = Instant.now().getEpochSecond();

        publish(completed, completed.messageId(), completed.messageId());

        awaitFinal(completed.messageId());
        List<ReceivedRequest> posts = posts(receiver);
        assertThat(posts).hasSize(1);
        ReceivedRequest post = posts.get(0);
        assertThat(post.body())
                .isEqualTo("{\"event\":\"message_complate\",\"messageInfo\":{\"message\":\"\",\"shortCode\":\""
                        + completed.messageId() + "\",\"sendStatus\":2}}");
        assertThat(post.header("Content-Type")).isEqualTo("application/json");
        assertThat(post.header("webhook-id")).isEqualTo("msg_" + completed.messageId());
        assertThat(Long.parseLong(post.header("webhook-timestamp")))
                .isBetween(before, Instant.now().getEpochSecond());
        assertThat(event(completed.messageId()))
                .containsEntry("state", "DELIVERED")
                .containsEntry("attempts", 1)
                .containsEntry("kind", "message_complate")
                .containsEntry("subject", completed.messageId())
                .containsEntry("url_host", "localhost");
        List<Map<String, Object>> attempts = attempts(completed.messageId());
        assertThat(attempts).hasSize(1);
        assertThat(attempts.get(0))
                .containsEntry("attempt", 1)
                .containsEntry("url_host", "localhost")
                .containsEntry("http_status", 200)
                .containsEntry("error", null)
                .containsEntry("response_excerpt", "{\"code\":200,\"msg\":\"success\"}");
        assertThat((Long) attempts.get(0).get("latency_ms")).isNotNegative();
    }

    @Test
    void shouldPostARedeliveredCompletionOnlyOnce() {
        String receiver = receiver("dup");
        MessageCompleted completed = completed(receiverUrl(receiver));
        MessageCompleted marker = completed(receiverUrl(receiver("marker")));

        publish(completed, completed.messageId(), completed.messageId());
        publish(completed, completed.messageId(), completed.messageId());
        // Same key, same partition: once the marker is through, so is the copy before it.
        publish(marker, completed.messageId(), marker.messageId());

        awaitFinal(marker.messageId());
        assertThat(posts(receiver)).hasSize(1);
        assertThat(attempts(completed.messageId())).hasSize(1);
    }

    @Test
    void shouldPostNothingForACompletionWithoutCallbackUrl() {
        MessageCompleted silent = completed(null);
        MessageCompleted marker = completed(receiverUrl(receiver("marker")));

        publish(silent, silent.messageId(), silent.messageId());
        publish(marker, silent.messageId(), marker.messageId());

        awaitFinal(marker.messageId());
        assertThat(sandbox.inbox().all()).noneMatch(post -> post.body().contains(silent.messageId()));
        assertThat(eventRow(silent.messageId())).isEmpty();
    }

    @Test
    void shouldRetryAFailingReceiverAndRecordEveryAttempt() {
        String receiver = receiver("flaky");
        sandbox.behaviour().failNext("callback", receiver, 1, 503);
        MessageCompleted completed = completed(receiverUrl(receiver));

        publish(completed, completed.messageId(), completed.messageId());

        awaitFinal(completed.messageId());
        assertThat(event(completed.messageId()))
                .containsEntry("state", "DELIVERED")
                .containsEntry("attempts", 2);
        List<Map<String, Object>> attempts = attempts(completed.messageId());
        assertThat(attempts).extracting(row -> row.get("http_status")).containsExactly(503, 200);
        assertThat(attempts.get(0)).containsEntry("error", "receiver answered HTTP 503");
        assertThat(attempts.get(0).get("response_excerpt")).isEqualTo("{\"code\":503,\"msg\":\"scripted failure\"}");
        assertThat(posts(receiver))
                .extracting(post -> post.header("webhook-id"))
                .containsOnly("msg_" + completed.messageId());
    }

    @Test
    void shouldGiveUpAfterTheLastAttemptRecordTheOutcomeAndDeadLetterTheEvent() {
        String receiver = receiver("down");
        sandbox.behaviour().failNext("callback", receiver, 10, 500);
        MessageCompleted completed = completed(receiverUrl(receiver));

        publish(completed, completed.messageId(), completed.messageId());

        awaitFinal(completed.messageId());
        assertThat(event(completed.messageId()))
                .containsEntry("state", "FAILED")
                .containsEntry("attempts", 3)
                .containsEntry("outcome", "receiver answered HTTP 500; gave up after 3 attempts");
        assertThat(attempts(completed.messageId())).hasSize(3);
        assertThat(posts(receiver)).hasSize(3);
        await().atMost(WAIT).until(() -> tap.records(DLT).stream()
                .anyMatch(record -> completed.messageId().equals(TopicTap.header(record, "ce_id"))));
    }

    private MessageCompleted completed(String callbackUrl) {
        String shortCode = UUID.randomUUID().toString().replace("-", "");
        return new MessageCompleted(shortCode, UUID.randomUUID(), 2, "", 1, 0, callbackUrl, Instant.now());
    }

    private static String receiver(String name) {
        return name + "-" + UUID.randomUUID();
    }

    private String receiverUrl(String receiver) {
        return sandbox.baseUrl() + "/callback/" + receiver + "?token=SECRET";
    }

    private void publish(MessageCompleted completed, String key, String eventId) {
        publisher.publishAndWait(
                Topics.MESSAGES_COMPLETED,
                EventTypes.MESSAGE_COMPLETED,
                key,
                eventId,
                completed,
                Duration.ofSeconds(10));
    }

    private void awaitFinal(String eventId) {
        await().atMost(WAIT).until(() -> eventRow(eventId)
                .map(row -> !"PENDING".equals(row.get("state")))
                .orElse(false));
    }

    private Map<String, Object> event(String eventId) {
        return eventRow(eventId).orElseThrow();
    }

    private Optional<Map<String, Object>> eventRow(String eventId) {
        return jdbc.sql("select * from callback_events where event_id = ?").param(eventId).query().listOfRows().stream()
                .findFirst();
    }

    private List<Map<String, Object>> attempts(String eventId) {
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
