package org.herald.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.herald.events.account.AccountEvent;
import org.herald.events.account.FriendAdded;
import org.herald.events.message.MessageCompleted;
import org.herald.events.topic.EventTypes;
import org.herald.events.topic.Topics;
import org.herald.testservers.RealServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(
        classes = EventTransportKafkaTest.Config.class,
        properties = {"herald.events.source=/herald/test", "herald.events.partitions=2"})
class EventTransportKafkaTest {

    @ImportAutoConfiguration({EventTransportAutoConfiguration.class, KafkaAutoConfiguration.class})
    static class Config {}

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        RealServers.registerKafka(registry);
    }

    @Autowired
    EventPublisher publisher;

    @Autowired
    EventReader reader;

    @Test
    void shouldPublishABinaryModeCloudEventThatReadsBackIntoItsRecord() {
        UUID account = UUID.randomUUID();
        MessageCompleted completed = new MessageCompleted(
                "0123456789abcdef0123456789abcdef", account, 2, "", 1, 0, null, Instant.parse("2026-01-01T00:00:00Z"));

        publisher.publishAndWait(
                Topics.MESSAGES_COMPLETED,
                EventTypes.MESSAGE_COMPLETED,
                completed.messageId(),
                "evt-1",
                completed,
                Duration.ofSeconds(10));

        ConsumerRecord<String, byte[]> record = readOne(Topics.MESSAGES_COMPLETED.name(), "evt-1");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_type")).isEqualTo("org.herald.message.completed.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/herald/test");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(Instant.parse(header(record, "ce_time"))).isNotNull();
        assertThat(record.key()).isEqualTo(completed.messageId());
        ReceivedEvent<MessageCompleted> received = reader.read(Topics.MESSAGES_COMPLETED, record);
        assertThat(received.data()).isEqualTo(completed);
        assertThat(received.id()).isEqualTo("evt-1");
    }

    @Test
    void shouldChooseTheRecordTypeOfATopicWithSeveralEventsByCeType() {
        FriendAdded friend = new FriendAdded(
                "frd-1", UUID.randomUUID(), 5, "5813c18bb0fa462789028312dae30224", "q", "", 1, 0, 0, Instant.EPOCH);

        publisher.publishAndWait(
                Topics.ACCOUNT_EVENTS,
                EventTypes.FRIEND_ADDED,
                friend.accountId().toString(),
                friend.eventId(),
                friend,
                Duration.ofSeconds(10));

        ReceivedEvent<AccountEvent> received =
                reader.read(Topics.ACCOUNT_EVENTS, readOne(Topics.ACCOUNT_EVENTS.name(), "frd-1"));
        assertThat(received.data()).isEqualTo(friend);
    }

    @Autowired
    KafkaAdmin admin;

    @Test
    void shouldCreateEveryTopicAndNeverResizeAnExistingOne() throws Exception {
        new TopicCreator(admin, new EventTransportProperties("/herald/test", 9, (short) 1))
                .afterSingletonsInstantiated();

        try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
            var names = Topics.ALL.stream().map(topic -> topic.name()).toList();
            var topics = client.describeTopics(names).allTopicNames().get();
            assertThat(topics.keySet()).containsAll(names);
            assertThat(topics.get(Topics.MESSAGES.name()).partitions()).hasSize(2);
            assertThat(client.describeTopics(List.of(Topics.MESSAGES.name() + ".dlt"))
                            .allTopicNames()
                            .get())
                    .isNotEmpty();
            var endpoints = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, Topics.CALLBACK_ENDPOINTS.name());
            assertThat(client.describeConfigs(List.of(endpoints))
                            .all()
                            .get()
                            .get(endpoints)
                            .get("cleanup.policy")
                            .value())
                    .isEqualTo("compact");
        }
    }

    @Test
    void shouldCallARecordWithAnUnknownCeTypeUnreadable() {
        var record = new ConsumerRecord<String, byte[]>(Topics.MESSAGES.name(), 0, 0, "k", "{}".getBytes());
        record.headers().add("ce_type", "org.herald.unknown.v9".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> reader.read(Topics.MESSAGES, record))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("org.herald.unknown.v9");
    }

    private static ConsumerRecord<String, byte[]> readOne(String topic, String ceId) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealServers.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long until = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < until) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (ceId.equals(header(record, "ce_id"))) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no event " + ceId + " on " + topic);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
