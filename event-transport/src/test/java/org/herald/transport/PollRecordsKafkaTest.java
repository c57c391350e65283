package org.herald.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.herald.testservers.RealServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A batch listener using {@link PollRecords} with the error handler every service gets: what a
 * record listener guarantees must still hold on a real broker.
 */
@SpringBootTest(
        classes = PollRecordsKafkaTest.Config.class,
        properties = {"spring.kafka.listener.ack-mode=batch", "spring.kafka.consumer.max-poll-records=50"})
class PollRecordsKafkaTest {

    static final String TOPIC = "herald.test.poll";

    @EnableKafka
    @ImportAutoConfiguration({EventTransportAutoConfiguration.class, KafkaAutoConfiguration.class})
    @Import(Listener.class)
    static class Config {

        @Bean
        KafkaAdmin.NewTopics pollTopics() {
            return new KafkaAdmin.NewTopics(
                    new NewTopic(TOPIC, 2, (short) 1), new NewTopic(TOPIC + ".dlt", 1, (short) 1));
        }
    }

    static class Listener {

        final Map<String, List<String>> handled = new ConcurrentHashMap<>();
        final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        final PollRecords poll = new PollRecords(ObservationRegistry.NOOP, "poll-test");

        @KafkaListener(topics = TOPIC, groupId = "poll-test", batch = "true")
        void on(List<ConsumerRecord<String, byte[]>> records) {
            poll.handle(
                    records,
                    record -> {
                        String value = new String(record.value(), StandardCharsets.UTF_8);
                        if (value.startsWith("unreadable")) {
                            throw new UnreadableEventException("not an event: " + value);
                        }
                        return Map.entry(record.key(), value);
                    },
                    (values, scope) -> {
                        for (Map.Entry<String, String> value : values) {
                            if (value.getValue().startsWith("flaky") && failedOnce.add(value.getValue())) {
                                throw new IllegalStateException("the database is away for a moment");
                            }
                        }
                        values.forEach(value -> handled.computeIfAbsent(
                                        value.getKey(), k -> Collections.synchronizedList(new ArrayList<>()))
                                .add(value.getValue()));
                    });
        }
    }

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        RealServers.registerKafka(registry);
    }

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    Listener listener;

    @Test
    void shouldHandleEveryRecordOnceInKeyOrderRetryTransientFailuresAndDeadLetterTheUnreadable() throws Exception {
        List<String> expectedForKey0 = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String key = "key-" + (i % 10);
            String value = i == 57 ? "unreadable-57" : i == 120 ? "flaky-120" : "value-" + i;
            kafka.send(TOPIC, key, value.getBytes(StandardCharsets.UTF_8));
            if (key.equals("key-0")) {
                expectedForKey0.add(value);
            }
        }
        kafka.flush();

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(committed()).isEqualTo(200));
        int handled = listener.handled.values().stream().mapToInt(List::size).sum();
        // A failure makes its whole poll be handled again: nothing of the failed attempt was kept.
        assertThat(handled).isEqualTo(199);
        assertThat(listener.handled.get("key-0").stream().distinct().toList())
                .as("one key's records in their order")
                .containsExactlyElementsOf(expectedForKey0);
        assertThat(listener.handled.get("key-0")).contains("flaky-120");
        assertThat(listener.handled.values().stream().flatMap(List::stream)).doesNotContain("unreadable-57");
        assertThat(deadLettered()).containsExactly("unreadable-57");
    }

    private long committed() throws Exception {
        try (AdminClient admin = AdminClient.create(
                Map.of("bootstrap.servers", RealServers.kafka().bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("poll-test")
                    .partitionsToOffsetAndMetadata()
                    .get();
            return offsets.values().stream()
                    .mapToLong(OffsetAndMetadata::offset)
                    .sum();
        }
    }

    private List<String> deadLettered() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealServers.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "poll-test-dlt-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(TOPIC + ".dlt"));
            List<String> values = new ArrayList<>();
            long until = System.currentTimeMillis() + 10_000;
            while (values.isEmpty() && System.currentTimeMillis() < until) {
                consumer.poll(Duration.ofMillis(500))
                        .forEach(record -> values.add(new String(record.value(), StandardCharsets.UTF_8)));
            }
            return values;
        }
    }
}
