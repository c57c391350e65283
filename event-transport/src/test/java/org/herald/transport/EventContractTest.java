package org.herald.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.herald.events.account.FriendAdded;
import org.herald.events.account.TopicMemberAdded;
import org.herald.events.callback.CallbackEndpointChanged;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.events.delivery.DeliveryState;
import org.herald.events.delivery.DeliveryStatusChanged;
import org.herald.events.delivery.DeliveryTarget;
import org.herald.events.delivery.Recipient;
import org.herald.events.message.MessageAccepted;
import org.herald.events.message.MessageCompleted;
import org.herald.events.topic.EventType;
import org.herald.events.topic.EventTypes;
import org.herald.events.topic.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden samples under {@code docs/events/samples} are the published contract: each must satisfy
 * its schema, read into the record a consumer expects, and be what a producer writes for that record.
 */
class EventContractTest {

    private static final Path EVENTS = Path.of("..", "docs", "events");
    private static final ObjectMapper TREE = new ObjectMapper();
    private static final UUID ACCOUNT = UUID.fromString("5f0c6a3e-8d0b-4c1e-9a51-2b7c1d9e4f60");
    private static final String SHORT_CODE = "3cbc5eab19fe512e80677540fbde332a";

    static Stream<Arguments> goldenEvents() {
        return Stream.of(
                Arguments.of(
                        EventTypes.MESSAGE_ACCEPTED,
                        new MessageAccepted(
                                SHORT_CODE,
                                ACCOUNT,
                                "webhook",
                                "html",
                                "构建完成",
                                "<b>main</b> 构建成功",
                                "hiflow1",
                                null,
                                List.of(),
                                "https://example.com/herald/callback",
                                Instant.parse("2026-11-23T16:00:00Z"),
                                Instant.parse("2026-11-23T15:30:00.123Z"))),
                Arguments.of(
                        EventTypes.DELIVERY_REQUESTED,
                        new DeliveryRequested(
                                SHORT_CODE + "-webhook-hiflow1",
                                SHORT_CODE,
                                ACCOUNT,
                                "webhook",
                                new Recipient("webhook", "hiflow1"),
                                new DeliveryTarget(
                                        "HIFLOW",
                                        "hiflow1",
                                        "v1:q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng=",
                                        null,
                                        Map.of()),
                                "构建完成",
                                "main 构建成功",
                                "html",
                                "http://localhost:8080/m/" + SHORT_CODE,
                                null,
                                Instant.parse("2026-11-23T15:30:00.200Z"))),
                Arguments.of(
                        EventTypes.DELIVERY_STATUS_CHANGED,
                        new DeliveryStatusChanged(
                                SHORT_CODE + "-webhook-hiflow1",
                                SHORT_CODE,
                                ACCOUNT,
                                "webhook",
                                DeliveryState.DELIVERED,
                                1,
                                null,
                                Instant.parse("2026-11-23T15:30:00.350Z"))),
                Arguments.of(
                        EventTypes.MESSAGE_COMPLETED,
                        new MessageCompleted(
                                SHORT_CODE,
                                ACCOUNT,
                                2,
                                "",
                                1,
                                0,
                                "https://example.com/herald/callback",
                                Instant.parse("2026-11-23T15:30:00.350Z"))),
                Arguments.of(
                        EventTypes.TOPIC_MEMBER_ADDED,
                        new TopicMemberAdded(
                                "tmu_9b2f0c8e1a7d4e55",
                                ACCOUNT,
                                25,
                                2,
                                "ops",
                                "运维告警",
                                "oEdHX0000000000aWDg",
                                "陈大人",
                                "https://thirdwx.qlogo.cn/mmopen/avatar",
                                1,
                                1,
                                1,
                                2,
                                Instant.parse("2026-11-23T15:31:00Z"))),
                Arguments.of(
                        EventTypes.FRIEND_ADDED,
                        new FriendAdded(
                                "frd_4c1e9a512b7c1d9e",
                                ACCOUNT,
                                5,
                                "5813c18bb0fa462789028312dae30224",
                                "自定义参数",
                                "",
                                1,
                                0,
                                0,
                                Instant.parse("2022-09-23T09:02:21Z"))),
                Arguments.of(
                        EventTypes.CALLBACK_ENDPOINT_CHANGED,
                        new CallbackEndpointChanged(
                                ACCOUNT,
                                "https://example.com/herald/callback",
                                List.of(
                                        "v1:q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng=",
                                        "v1:3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="),
                                Instant.parse("2026-11-24T15:30:00Z"),
                                Instant.parse("2026-11-23T15:30:00Z"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenEvents")
    void shouldReadTheGoldenSampleIntoTheRecordAConsumerExpects(EventType<?> type, Object expected) throws IOException {
        byte[] sample = Files.readAllBytes(sample(type));

        assertThat(schema(type).validate(TREE.readTree(sample))).isEmpty();
        assertThat(EventJson.mapper().readValue(sample, type.dataType())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenEvents")
    void shouldWriteTheGoldenSampleFromTheRecordAProducerHolds(EventType<?> type, Object record) throws IOException {
        JsonNode written = TREE.readTree(EventJson.mapper().writeValueAsBytes(record));

        assertThat(schema(type).validate(written)).isEmpty();
        assertThat(written).isEqualTo(TREE.readTree(Files.readAllBytes(sample(type))));
    }

    @Test
    void shouldRejectASampleThatBreaksTheSchema() throws IOException {
        JsonNode broken = TREE.readTree(
                "{\"messageId\":\"not-a-short-code\",\"accountId\":\"x\",\"channel\":\"pigeon\",\"template\":\"html\"}");

        assertThat(schema(EventTypes.MESSAGE_ACCEPTED).validate(broken))
                .extracting(Object::toString)
                .anySatisfy(message -> assertThat(message).contains("messageId"))
                .anySatisfy(message -> assertThat(message).contains("channel"))
                .anySatisfy(message -> assertThat(message).contains("acceptedAt"));
    }

    @Test
    void shouldHaveASchemaAndASampleForEveryEventOfEveryTopic() {
        assertThat(Topics.ALL.stream().flatMap(topic -> topic.eventTypes().stream()))
                .allSatisfy(type -> {
                    assertThat(EVENTS.resolve(type.schema())).exists();
                    assertThat(sample(type)).exists();
                });
    }

    private static Path sample(EventType<?> type) {
        return EVENTS.resolve("samples").resolve(type.schema().replace(".schema.json", ".json"));
    }

    private static JsonSchema schema(EventType<?> type) throws IOException {
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (var in = Files.newInputStream(EVENTS.resolve(type.schema()))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, config);
        }
    }
}
