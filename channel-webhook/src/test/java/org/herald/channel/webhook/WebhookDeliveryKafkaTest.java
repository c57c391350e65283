package org.herald.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;
import org.herald.channel.webhook.pause.DeliveriesEndpoint;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.events.delivery.DeliveryState;
import org.herald.events.delivery.DeliveryStatusChanged;
import org.herald.events.delivery.DeliveryTarget;
import org.herald.events.delivery.Recipient;
import org.herald.events.topic.EventTypes;
import org.herald.events.topic.Topics;
import org.herald.sandbox.ProviderSandbox;
import org.herald.sandbox.inbox.ReceivedRequest;
import org.herald.sealing.SecretSealer;
import org.herald.testservers.PlainProducer;
import org.herald.testservers.RealServers;
import org.herald.testservers.TopicTap;
import org.herald.transport.EventJson;
import org.herald.transport.EventPublisher;
import org.herald.transport.EventReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service as deployed: real Kafka and Redis, and the provider sandbox in the same JVM as the
 * target, reached over real HTTP on loopback.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "herald.sealing.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
            "herald.outbound.allow-private-networks=true",
            "herald.events.partitions=" + WebhookDeliveryKafkaTest.PARTITIONS,
            // One consumer more than partitions: an idle one, which pausing the deliveries must not wait for.
            "herald.webhook.concurrency=4",
            "herald.webhook.retry.attempts=3",
            "herald.webhook.retry.initial-delay=200ms",
            "herald.webhook.retry.multiplier=1.5",
            // Tests fail their targets on purpose, and every target is on the sandbox's one host:
            // its circuit must not open on the other tests.
            "herald.webhook.isolation.minimum-calls=1000",
            "herald.webhook.isolation.window-size=1000"
        })
@DirtiesContext
class WebhookDeliveryKafkaTest {

    static final int PARTITIONS = 3;
    private static final String DLT = Topics.DELIVERIES_WEBHOOK.name() + ".dlt";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static ProviderSandbox sandbox;
    private static TopicTap tap;

    private final EventReader reader = new EventReader();

    @Autowired
    EventPublisher publisher;

    @Autowired
    SecretSealer sealer;

    @Autowired
    KafkaOperations<String, byte[]> kafka;

    @Autowired
    DeliveriesEndpoint deliveries;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.registerKafka(registry);
        RealServers.registerRedis(registry);
    }

    @BeforeAll
    static void startSandbox() {
        sandbox = ProviderSandbox.start();
    }

    @BeforeEach
    void tapOnceTheTopicsExist() {
        if (tap == null) {
            tap = TopicTap.on(Topics.DELIVERY_STATUS.name(), DLT);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        sandbox.close();
        tap.close();
        tap = null;
    }

    @Test
    void shouldPostTheHiflowBodyAndReportSendingThenDelivered() {
        DeliveryRequested request = delivery("demo-" + random(4), null);

        publish(request, request.recipient().id());

        awaitFinal(request);
        assertThat(statuses(request))
                .extracting(DeliveryStatusChanged::state, DeliveryStatusChanged::attempt, DeliveryStatusChanged::reason)
                .containsExactly(tuple(DeliveryState.SENDING, 1, null), tuple(DeliveryState.DELIVERED, 1, null));
        assertThat(statuses(request)).allSatisfy(status -> {
            assertThat(status.messageId()).isEqualTo(request.messageId());
            assertThat(status.accountId()).isEqualTo(request.accountId());
            assertThat(status.channel()).isEqualTo("webhook");
        });
        List<ReceivedRequest> posts = posts(request);
        assertThat(posts).hasSize(1);
        ReceivedRequest post = posts.get(0);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/hiflow/" + request.recipient().id() + "?key=SECRET");
        assertThat(post.body())
                .isEqualTo("{\"title\":\"服务器告警\",\"content\":\"<b>disk</b> 95%\","
                        + "\"icon\":\"http://localhost:8080/assets/herald-icon.png\","
                        + "\"url\":\"http://localhost:8080/m/" + request.messageId() + "\","
                        + "\"shortCode\":\"" + request.messageId() + "\"}");
        assertThat(post.header("Idempotency-Key")).isEqualTo(request.deliveryId());
        assertThat(post.header("Content-Type")).isEqualTo("application/json");
        assertThat(post.status()).isEqualTo(200);
    }

    @Test
    void shouldContinueTheRequestsTraceInEveryStatusItReports() throws Exception {
        DeliveryRequested request = delivery("traced-" + random(4), null);
        String traceId = random(16);
        ProducerRecord<String, byte[]> record = requestRecord(request);
        record.headers().add("traceparent", bytes("00-" + traceId + "-b7ad6b7169203331-01"));

        PlainProducer.send(record);

        awaitFinal(request);
        List<String> traces = tap.records(Topics.DELIVERY_STATUS.name()).stream()
                .filter(status -> request.deliveryId()
                        .equals(TopicTap.header(status, "ce_id").split(":")[0]))
                .map(status -> TopicTap.header(status, "traceparent"))
                .toList();
        assertThat(traces).hasSize(2).allSatisfy(trace -> assertThat(trace).startsWith("00-" + traceId + "-"));
    }

    @Test
    void shouldNotPostARedeliveredRequestTwice() {
        DeliveryRequested request = delivery("twice-" + random(4), null);
        DeliveryRequested marker = delivery("marker-" + random(4), null);

        publish(request, request.recipient().id());
        publish(request, request.recipient().id());
        // Same key, same partition: once the marker is through, so is the copy before it.
        publish(marker, request.recipient().id());

        awaitFinal(marker);
        assertThat(posts(request)).hasSize(1);
        // The copy is not posted; it reports DELIVERED again under the same event id, which
        // consumers drop, in case the first report was lost.
        assertThat(statuses(request))
                .extracting(DeliveryStatusChanged::state)
                .containsExactly(DeliveryState.SENDING, DeliveryState.DELIVERED, DeliveryState.DELIVERED);
    }

    @Test
    void shouldExpireADeliveryWhoseDeadlinePassedWithoutPostingIt() {
        DeliveryRequested request = delivery("late-" + random(4), Instant.now().minusSeconds(60));

        publish(request, request.recipient().id());

        awaitFinal(request);
        DeliveryStatusChanged expired = statuses(request).get(0);
        assertThat(statuses(request)).hasSize(1);
        assertThat(expired.state()).isEqualTo(DeliveryState.EXPIRED);
        assertThat(expired.reason()).startsWith("deadline ").contains("passed before attempt 1");
        assertThat(posts(request)).isEmpty();
    }

    @Test
    void shouldRetryATargetAnswering500AndDeliverOnceItRecovers() {
        DeliveryRequested request = delivery("flaky-" + random(4), null);
        sandbox.behaviour().failNext("hiflow", request.recipient().id(), 2, 500);

        publish(request, request.recipient().id());

        awaitFinal(request);
        assertThat(statuses(request))
                .extracting(DeliveryStatusChanged::state, DeliveryStatusChanged::attempt)
                .containsExactly(
                        tuple(DeliveryState.SENDING, 1),
                        tuple(DeliveryState.RETRYING, 1),
                        tuple(DeliveryState.SENDING, 2),
                        tuple(DeliveryState.RETRYING, 2),
                        tuple(DeliveryState.SENDING, 3),
                        tuple(DeliveryState.DELIVERED, 3));
        assertThat(statuses(request).get(1).reason()).isEqualTo("target answered HTTP 500");
        assertThat(posts(request)).extracting(ReceivedRequest::status).containsExactly(200, 500, 500);
        assertThat(posts(request))
                .extracting(post -> post.header("Idempotency-Key"))
                .containsOnly(request.deliveryId());
    }

    @Test
    void shouldGoOnWithThePartitionBehindARequestHandedToTheRetryTopics() {
        String hook = "busy-" + random(4);
        DeliveryRequested failing = delivery(hook, null);
        DeliveryRequested behind = delivery(hook, null);
        DeliveryRequested last = delivery(hook, null);
        sandbox.behaviour().failNext("hiflow", hook, 1, 503);

        // Sent together, so one poll holds all three: the two behind the failed one must not wait
        // for it (a seek back while the container awaits the poll's acknowledgements stalled them).
        CompletableFuture.allOf(Stream.of(failing, behind, last)
                        .map(request -> publisher.publish(
                                Topics.DELIVERIES_WEBHOOK,
                                EventTypes.DELIVERY_REQUESTED,
                                hook,
                                request.deliveryId(),
                                request))
                        .toArray(CompletableFuture[]::new))
                .join();

        awaitFinal(behind);
        awaitFinal(last);
        awaitFinal(failing);
        assertThat(Stream.of(behind, last).map(this::statuses)).allSatisfy(statuses -> assertThat(statuses)
                .extracting(DeliveryStatusChanged::state)
                .containsExactly(DeliveryState.SENDING, DeliveryState.DELIVERED));
        assertThat(statuses(failing))
                .extracting(DeliveryStatusChanged::state, DeliveryStatusChanged::attempt)
                .endsWith(tuple(DeliveryState.DELIVERED, 2));
    }

    @Test
    void shouldDeliverToOtherRecipientsOfAPartitionWhileOneWaitsForItsSlowTargetAndKeepItsOrder() throws Exception {
        String slow = "slow-" + random(4);
        String quick = hookOnThePartitionOf(slow);
        DeliveryRequested first = delivery(slow, null);
        DeliveryRequested second = delivery(slow, null);
        DeliveryRequested other = delivery(quick, null);
        sandbox.behaviour().script("hiflow", slow, 1, null, Duration.ofSeconds(3), false);

        // One batch on one partition, so one poll holds all three.
        PlainProducer.sendTogether(
                Stream.of(first, second, other).map(this::requestRecord).toList());

        awaitFinal(other);
        assertThat(statuses(other))
                .extracting(DeliveryStatusChanged::state)
                .containsExactly(DeliveryState.SENDING, DeliveryState.DELIVERED);
        // The slow target is still answering the first: its second waits behind it, not beside it.
        assertThat(statuses(first)).extracting(DeliveryStatusChanged::state).containsExactly(DeliveryState.SENDING);
        assertThat(statuses(second)).isEmpty();
        awaitFinal(second);
        assertThat(posts(first).stream()
                        .sorted(Comparator.comparingLong(ReceivedRequest::id))
                        .map(post -> post.header("Idempotency-Key")))
                .containsExactly(first.deliveryId(), second.deliveryId());
        assertThat(statuses(first)).extracting(DeliveryStatusChanged::state).endsWith(DeliveryState.DELIVERED);
    }

    @Test
    void shouldConsumeTheDeliveryTopicWithAConsumerPerPartitionAndItsRetryTopicsWithTwo() {
        Map<String, Integer> consumersByTopic = listeners.getListenerContainers().stream()
                .map(container -> (ConcurrentMessageListenerContainer<?, ?>) container)
                .collect(Collectors.toMap(
                        container -> String.join(
                                ",", container.getContainerProperties().getTopics()),
                        ConcurrentMessageListenerContainer::getConcurrency));

        String deliveryTopic = Topics.DELIVERIES_WEBHOOK.name();
        assertThat(consumersByTopic)
                .containsEntry(deliveryTopic, 4)
                .containsEntry(deliveryTopic + ".retry-0", 2)
                .containsEntry(deliveryTopic + ".retry-1", 2)
                .containsEntry(DLT, 2);
    }

    @Test
    void shouldHoldRequestsWhileDeliveriesArePausedAndDeliverThemOnResume() throws InterruptedException {
        DeliveryRequested request = delivery("paused-" + random(4), null);
        try {
            deliveries.change(true);
            await().atMost(WAIT).until(() -> deliveries.state().paused());

            publish(request, request.recipient().id());
            // Long enough for a running consumer to fetch and post it (a few hundred milliseconds).
            Thread.sleep(2_000);
            assertThat(posts(request)).isEmpty();
            assertThat(statuses(request)).isEmpty();
        } finally {
            deliveries.change(false);
        }

        assertThat(deliveries.state().pauseRequested()).isFalse();
        awaitFinal(request);
        assertThat(statuses(request))
                .extracting(DeliveryStatusChanged::state)
                .containsExactly(DeliveryState.SENDING, DeliveryState.DELIVERED);
        assertThat(posts(request)).hasSize(1);
    }

    @Test
    void shouldSayPausedOnlyOnceTheDeliveryInHandIsFinished() {
        DeliveryRequested request = delivery("in-hand-" + random(4), null);
        sandbox.behaviour().script("hiflow", request.recipient().id(), 1, null, Duration.ofSeconds(2), false);
        publish(request, request.recipient().id());
        await().atMost(WAIT).until(() -> !statuses(request).isEmpty());
        try {
            deliveries.change(true);

            // The target is still answering: the consumer stopped fetching, the delivery has not ended.
            assertThat(deliveries.state().pauseRequested()).isTrue();
            assertThat(deliveries.state().paused()).isFalse();
            await().atMost(WAIT).until(() -> deliveries.state().paused());
            // The sandbox records a post when it answers it.
            assertThat(posts(request)).extracting(ReceivedRequest::status).containsExactly(200);
        } finally {
            deliveries.change(false);
        }
        awaitFinal(request);
        assertThat(statuses(request))
                .extracting(DeliveryStatusChanged::state)
                .containsExactly(DeliveryState.SENDING, DeliveryState.DELIVERED);
    }

    @Test
    void shouldGiveUpAfterTheLastAttemptAndDeadLetterTheRequest() {
        DeliveryRequested request = delivery("down-" + random(4), null);
        sandbox.behaviour().failNext("hiflow", request.recipient().id(), 10, 503);

        publish(request, request.recipient().id());

        awaitFinal(request);
        List<DeliveryStatusChanged> statuses = statuses(request);
        assertThat(statuses)
                .extracting(DeliveryStatusChanged::state)
                .containsExactly(
                        DeliveryState.SENDING,
                        DeliveryState.RETRYING,
                        DeliveryState.SENDING,
                        DeliveryState.RETRYING,
                        DeliveryState.SENDING,
                        DeliveryState.FAILED);
        assertThat(statuses.get(5).reason()).isEqualTo("target answered HTTP 503; gave up after 3 attempts");
        assertThat(posts(request)).hasSize(3);
        await().atMost(WAIT).until(() -> tap.records(DLT).stream()
                .anyMatch(record -> request.deliveryId().equals(TopicTap.header(record, "ce_id"))));

        // A request dead-lettered by an internal error, behind it on the same partition: once it is
        // reported, the dead-letter handler has seen the one that gave up, and reported it only once.
        DeliveryRequested broken = delivery("broken-" + random(4), null);
        deadLetter(broken, request.recipient().id(), IllegalStateException.class);
        awaitFinal(broken);
        assertThat(statuses(broken))
                .extracting(DeliveryStatusChanged::state, DeliveryStatusChanged::reason)
                .containsExactly(
                        tuple(DeliveryState.FAILED, "delivery stopped by an internal error (IllegalStateException)"));
        assertThat(statuses(request))
                .filteredOn(status -> status.state().isFinal())
                .hasSize(1);
    }

    @Test
    void shouldFailAtOnceWhenTheTargetRefusesTheRequest() {
        DeliveryRequested request = delivery("gone-" + random(4), null);
        sandbox.behaviour().failNext("hiflow", request.recipient().id(), 1, 404);

        publish(request, request.recipient().id());

        awaitFinal(request);
        assertThat(statuses(request))
                .extracting(DeliveryStatusChanged::state, DeliveryStatusChanged::reason)
                .containsExactly(
                        tuple(DeliveryState.SENDING, null), tuple(DeliveryState.FAILED, "target answered HTTP 404"));
        assertThat(posts(request)).hasSize(1);
    }

    private DeliveryRequested delivery(String hook, Instant deadline) {
        String shortCode = random(16);
        String url = sandbox.baseUrl() + "/hiflow/" + hook + "?key=SECRET";
        return new DeliveryRequested(
                shortCode + "-webhook-" + hook,
                shortCode,
                UUID.randomUUID(),
                "webhook",
                new Recipient("webhook", hook),
                new DeliveryTarget(
                        "HIFLOW",
                        hook,
                        sealer.seal(url),
                        null,
                        Map.of("icon", "http://localhost:8080/assets/herald-icon.png")),
                "服务器告警",
                "<b>disk</b> 95%",
                "html",
                "http://localhost:8080/m/" + shortCode,
                deadline,
                Instant.now());
    }

    private void publish(DeliveryRequested request, String key) {
        publisher.publishAndWait(
                Topics.DELIVERIES_WEBHOOK,
                EventTypes.DELIVERY_REQUESTED,
                key,
                request.deliveryId(),
                request,
                Duration.ofSeconds(10));
    }

    /** What the listener's error handler does with a request that failed by a bug. */
    private void deadLetter(DeliveryRequested request, String key, Class<? extends Exception> failure) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(DLT, null, key, EventJson.mapper().writeValueAsBytes(request));
        withEventHeaders(record, request)
                .headers()
                .add(KafkaHeaders.DLT_EXCEPTION_FQCN, bytes(ListenerExecutionFailedException.class.getName()))
                .add(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN, bytes(failure.getName()));
        kafka.send(record).join();
    }

    /** A delivery request on the delivery topic, keyed by its recipient, as Herald publishes it. */
    private ProducerRecord<String, byte[]> requestRecord(DeliveryRequested request) {
        return withEventHeaders(
                new ProducerRecord<>(
                        Topics.DELIVERIES_WEBHOOK.name(),
                        null,
                        request.recipient().id(),
                        EventJson.mapper().writeValueAsBytes(request)),
                request);
    }

    /** The CloudEvents headers Herald's publisher puts on a delivery request. */
    private static ProducerRecord<String, byte[]> withEventHeaders(
            ProducerRecord<String, byte[]> record, DeliveryRequested request) {
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(request.deliveryId()))
                .add("ce_type", bytes(EventTypes.DELIVERY_REQUESTED.ceType()))
                .add("ce_source", bytes("/herald/test"))
                .add("content-type", bytes("application/json"));
        return record;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private void awaitFinal(DeliveryRequested request) {
        await().atMost(WAIT).until(() -> statuses(request).stream()
                .anyMatch(status -> status.state().isFinal()));
    }

    private List<DeliveryStatusChanged> statuses(DeliveryRequested request) {
        return tap.records(Topics.DELIVERY_STATUS.name()).stream()
                .map(record -> reader.read(Topics.DELIVERY_STATUS, record).data())
                .filter(status -> status.deliveryId().equals(request.deliveryId()))
                .toList();
    }

    private static List<ReceivedRequest> posts(DeliveryRequested request) {
        String path = "/hiflow/" + request.recipient().id() + "?";
        return sandbox.inbox().all().stream()
                .filter(received -> received.path().startsWith(path))
                .toList();
    }

    /** A hook whose records go to the same partition as {@code hook}'s (the producer's own choice). */
    private static String hookOnThePartitionOf(String hook) {
        int partition = partitionOf(hook);
        while (true) {
            String candidate = "quick-" + random(4);
            if (partitionOf(candidate) == partition) {
                return candidate;
            }
        }
    }

    private static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(bytes(key))) % PARTITIONS;
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
