package org.herald.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
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
import org.herald.testservers.RealServers;
import org.herald.testservers.TopicTap;
import org.herald.transport.EventPublisher;
import org.herald.transport.EventReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The delivery guarantees under stress, with real Kafka, Redis and the sandbox's robot fakes: a
 * consumer stopped in the middle of a run loses and duplicates nothing, and deliveries over a
 * robot's rate limit wait on the delay topic instead of failing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "herald.sealing.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
            "herald.outbound.allow-private-networks=true",
            "herald.events.partitions=3",
            "herald.webhook.concurrency=3",
            // A stopping consumer finishes the records of its last poll: small polls make the stop land
            // mid-run instead of after every request was already taken.
            "spring.kafka.consumer.max-poll-records=3",
            "herald.webhook.retry.attempts=3",
            "herald.webhook.retry.initial-delay=200ms",
            "herald.webhook.retry.multiplier=1.5",
            // Every rate-limit wait goes through the delay topic, however short.
            "herald.webhook.max-in-place-wait=0s"
        })
@DirtiesContext
class WebhookResilienceKafkaTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private static ProviderSandbox sandbox;
    private static TopicTap tap;

    private final EventReader reader = new EventReader();

    @Autowired
    EventPublisher publisher;

    @Autowired
    SecretSealer sealer;

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
            tap = TopicTap.on(Topics.DELIVERY_STATUS.name());
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        sandbox.close();
        tap.close();
        tap = null;
    }

    @Test
    void shouldDeliverEveryRequestExactlyOnceWhenTheConsumerStopsMidRun() {
        // Six robots, ten deliveries each (under WeCom's 20 per minute), each post answered slowly so
        // the run is still going when the consumers stop.
        List<String> keys = new ArrayList<>();
        List<DeliveryRequested> requests = new ArrayList<>();
        for (int robot = 0; robot < 6; robot++) {
            String key = "fault-" + random(4);
            keys.add(key);
            sandbox.behaviour().script("wecom", key, 10, null, Duration.ofMillis(150), false);
            for (int i = 0; i < 10; i++) {
                requests.add(wecom(key, "message " + i));
            }
        }
        requests.forEach(request -> publish(request, request.recipient().id()));

        await().atMost(WAIT).until(() -> posts(keys).size() >= 15);
        listeners.getListenerContainers().forEach(MessageListenerContainer::stop);
        int postedBeforeRestart = posts(keys).size();
        assertThat(postedBeforeRestart).isLessThan(requests.size());
        listeners.getListenerContainers().forEach(MessageListenerContainer::start);

        await().atMost(WAIT).until(() -> posts(keys).size() >= requests.size());
        Map<String, Long> postsPerDelivery = posts(keys).stream()
                .collect(Collectors.groupingBy(post -> post.header("Idempotency-Key"), Collectors.counting()));
        assertThat(postsPerDelivery.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        requests.stream().map(DeliveryRequested::deliveryId).toList());
        assertThat(postsPerDelivery.values()).containsOnly(1L);
        await().atMost(WAIT).until(() -> requests.stream().allMatch(request -> finalState(request) != null));
        assertThat(requests)
                .allSatisfy(request -> assertThat(finalState(request)).isEqualTo(DeliveryState.DELIVERED));
    }

    @Test
    void shouldParkDeliveriesOverARobotsRateLimitAndDeliverThemAllWithoutARefusal() {
        String hook = "burst-" + random(4);
        List<DeliveryRequested> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(feishu(hook, "burst " + i));
        }
        // One key: one partition, in order; Feishu takes 5 per second.
        requests.forEach(request -> publish(request, hook));

        await().atMost(WAIT).until(() -> requests.stream().allMatch(request -> finalState(request) != null));

        assertThat(requests)
                .allSatisfy(request -> assertThat(finalState(request)).isEqualTo(DeliveryState.DELIVERED));
        List<ReceivedRequest> posts = sandbox.inbox().all().stream()
                .filter(post -> post.path().endsWith("/hook/" + hook))
                .toList();
        assertThat(posts).hasSize(8).allSatisfy(post -> assertThat(post.verdict())
                .isEqualTo("accepted"));
        // Waiting for the limit is not an attempt: every delivery went out on its first.
        assertThat(requests).allSatisfy(request -> assertThat(statuses(request))
                .extracting(DeliveryStatusChanged::state, DeliveryStatusChanged::attempt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DeliveryState.SENDING, 1),
                        org.assertj.core.groups.Tuple.tuple(DeliveryState.DELIVERED, 1)));
        Instant first = posts.stream()
                .map(ReceivedRequest::receivedAt)
                .min(Instant::compareTo)
                .orElseThrow();
        Instant last = posts.stream()
                .map(ReceivedRequest::receivedAt)
                .max(Instant::compareTo)
                .orElseThrow();
        assertThat(Duration.between(first, last)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    private DeliveryRequested wecom(String key, String content) {
        return delivery("WECOM_ROBOT", key, sandbox.baseUrl() + "/cgi-bin/webhook/send?key=" + key, content);
    }

    private DeliveryRequested feishu(String hook, String content) {
        return delivery("FEISHU", hook, sandbox.baseUrl() + "/open-apis/bot/v2/hook/" + hook, content);
    }

    private DeliveryRequested delivery(String type, String code, String url, String content) {
        String shortCode = random(16);
        return new DeliveryRequested(
                shortCode + "-webhook-" + code,
                shortCode,
                UUID.randomUUID(),
                "webhook",
                new Recipient("webhook", code),
                new DeliveryTarget(type, code, sealer.seal(url), null, Map.of()),
                "title",
                content,
                "txt",
                "http://localhost:8080/m/" + shortCode,
                null,
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

    private static List<ReceivedRequest> posts(List<String> keys) {
        Set<String> paths =
                keys.stream().map(key -> "/cgi-bin/webhook/send?key=" + key).collect(Collectors.toSet());
        return sandbox.inbox().all().stream()
                .filter(post -> paths.contains(post.path()) && "accepted".equals(post.verdict()))
                .toList();
    }

    private DeliveryState finalState(DeliveryRequested request) {
        return statuses(request).stream()
                .map(DeliveryStatusChanged::state)
                .filter(DeliveryState::isFinal)
                .findFirst()
                .orElse(null);
    }

    private List<DeliveryStatusChanged> statuses(DeliveryRequested request) {
        return tap.records(Topics.DELIVERY_STATUS.name()).stream()
                .map(record -> reader.read(Topics.DELIVERY_STATUS, record).data())
                .filter(status -> status.deliveryId().equals(request.deliveryId()))
                .toList();
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
