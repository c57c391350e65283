package org.herald.channel.webhook;

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
import org.herald.events.delivery.DeliveryRequested;
import org.herald.events.delivery.DeliveryState;
import org.herald.events.delivery.DeliveryStatusChanged;
import org.herald.events.delivery.DeliveryTarget;
import org.herald.events.delivery.Recipient;
import org.herald.events.topic.EventTypes;
import org.herald.events.topic.Topics;
import org.herald.sealing.SecretSealer;
import org.herald.testservers.RealServers;
import org.herald.testservers.TopicTap;
import org.herald.transport.EventPublisher;
import org.herald.transport.EventReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service with its production default: no loopback or private targets. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "herald.sealing.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
            "herald.outbound.allow-private-networks=false",
            "herald.events.partitions=3",
            "herald.webhook.concurrency=3"
        })
@DirtiesContext
class WebhookRefusalKafkaTest {

    private static final MockWebServer loopback = new MockWebServer();
    private static TopicTap tap;

    private final EventReader reader = new EventReader();

    @Autowired
    EventPublisher publisher;

    @Autowired
    SecretSealer sealer;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.registerKafka(registry);
        RealServers.registerRedis(registry);
    }

    @BeforeAll
    static void startLoopbackListener() throws IOException {
        loopback.start(InetAddress.getLoopbackAddress(), 0);
    }

    @BeforeEach
    void tapOnceTheTopicsExist() {
        if (tap == null) {
            tap = TopicTap.on(Topics.DELIVERY_STATUS.name());
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        loopback.close();
        tap.close();
        tap = null;
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "2130706433"})
    void shouldRefuseALoopbackTargetWithoutSendingAnythingOrRevealingItsKey(String host) {
        String shortCode = UUID.randomUUID().toString().replace("-", "");
        String url = "http://" + host + ":" + loopback.getPort() + "/hiflow/HOOK-SECRET?key=QUERY-SECRET";
        DeliveryRequested request = new DeliveryRequested(
                shortCode + "-webhook-local",
                shortCode,
                UUID.randomUUID(),
                "webhook",
                new Recipient("webhook", "local"),
                new DeliveryTarget("HIFLOW", "local", sealer.seal(url), null, Map.of()),
                "t",
                "c",
                "txt",
                "http://localhost:8080/m/" + shortCode,
                null,
                Instant.now());

        publisher.publishAndWait(
                Topics.DELIVERIES_WEBHOOK,
                EventTypes.DELIVERY_REQUESTED,
                "local",
                request.deliveryId(),
                request,
                Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(60)).until(() -> statuses(request).stream()
                .anyMatch(status -> status.state().isFinal()));
        DeliveryStatusChanged failed = statuses(request).get(statuses(request).size() - 1);
        assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(failed.reason())
                .startsWith("refused http://")
                .contains("127.0.0.0/8 (loopback)")
                .doesNotContain("SECRET");
        assertThat(statuses(request)).noneMatch(status -> status.state() == DeliveryState.RETRYING);
        assertThat(loopback.getRequestCount()).isZero();
    }

    private List<DeliveryStatusChanged> statuses(DeliveryRequested request) {
        return tap.records(Topics.DELIVERY_STATUS.name()).stream()
                .map(record -> reader.read(Topics.DELIVERY_STATUS, record).data())
                .filter(status -> status.deliveryId().equals(request.deliveryId()))
                .toList();
    }
}
