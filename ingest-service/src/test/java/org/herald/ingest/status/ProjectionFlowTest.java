package org.herald.ingest.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.herald.events.delivery.DeliveryState;
import org.herald.events.delivery.DeliveryStatusChanged;
import org.herald.events.message.MessageCompleted;
import org.herald.events.topic.EventTypes;
import org.herald.events.topic.Topics;
import org.herald.ingest.IngestIntegrationTest;
import org.herald.ingest.KafkaProbe;
import org.herald.testservers.PlainProducer;
import org.herald.transport.CloudEventHeaders;
import org.herald.transport.EventJson;
import org.herald.transport.EventPublisher;
import org.herald.transport.EventReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The projector seen from outside: status events in, open-API status and MessageCompleted out. */
class ProjectionFlowTest extends IngestIntegrationTest {

    private final EventReader reader = new EventReader();

    @Autowired
    EventPublisher publisher;

    @Autowired
    Projector projector;

    @Test
    void shouldCompleteADeliveredMessageExactlyOnceEvenWhenTheStatusArrivesTwice() {
        TestAccount account = newAccount(Map.of("name", "p", "callbackUrl", "https://example.com/account-cb"));
        addWebhook(account, "flow1", 7, "https://hiflow.tencent.com/api/hook/1");
        String shortCode = dispatched(account, Map.of());
        String accessKey = accessKey(account);

        channelReports(account, shortCode, DeliveryState.SENDING, 1, null);
        awaitStatus(accessKey, shortCode, 1);
        channelReports(account, shortCode, DeliveryState.DELIVERED, 1, null);
        RecordMetadata duplicate = channelReports(account, shortCode, DeliveryState.DELIVERED, 1, null);

        JsonNode result = awaitStatus(accessKey, shortCode, 2);
        assertThat(result.get("errorMessage").asString()).isEmpty();
        assertThat(result.get("updateTime").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> KafkaProbe.groupPassed(
                        "ingest-projector",
                        new TopicPartition(Topics.DELIVERY_STATUS.name(), duplicate.partition()),
                        duplicate.offset()));
        List<ConsumerRecord<String, byte[]>> completions =
                KafkaProbe.withKey(Topics.MESSAGES_COMPLETED.name(), shortCode);
        assertThat(completions).hasSize(1);
        assertThat(KafkaProbe.header(completions.get(0), "ce_id")).isEqualTo(shortCode);
        MessageCompleted completed =
                reader.read(Topics.MESSAGES_COMPLETED, completions.get(0)).data();
        assertThat(completed.sendStatus()).isEqualTo(2);
        assertThat(completed.message()).isEmpty();
        assertThat(completed.delivered()).isEqualTo(1);
        assertThat(completed.failed()).isZero();
        // No callbackUrl on the message: the account's applies.
        assertThat(completed.callbackUrl()).isEqualTo("https://example.com/account-cb");
        assertThat(completed.accountId()).hasToString(account.accountId());
    }

    @Test
    void shouldApplyAMessagesEventsOfOnePollTogetherAsIfOneByOne() {
        TestAccount account = newAccount();
        addWebhook(account, "flow1", 7, "https://hiflow.tencent.com/api/hook/1");
        String shortCode = dispatched(account, Map.of());
        String accessKey = accessKey(account);

        projector.applyAll(List.of(
                change(account, shortCode, DeliveryState.SENDING, 1, null),
                change(account, shortCode, DeliveryState.RETRYING, 1, "HTTP 503 from hiflow.tencent.com"),
                change(account, shortCode, DeliveryState.SENDING, 2, null),
                change(account, shortCode, DeliveryState.DELIVERED, 2, null),
                // A late repeat inside the same poll moves nothing back.
                change(account, shortCode, DeliveryState.RETRYING, 1, "HTTP 503 from hiflow.tencent.com")));

        JsonNode result = awaitStatus(accessKey, shortCode, 2);
        assertThat(result.get("errorMessage").asString()).isEmpty();
        List<ConsumerRecord<String, byte[]>> completions =
                KafkaProbe.withKey(Topics.MESSAGES_COMPLETED.name(), shortCode);
        assertThat(completions).hasSize(1);
        MessageCompleted completed =
                reader.read(Topics.MESSAGES_COMPLETED, completions.get(0)).data();
        assertThat(completed.delivered()).isEqualTo(1);
        assertThat(completed.failed()).isZero();
    }

    @Test
    void shouldAnnounceTheCompletionInTheTraceOfTheStatusEventThatCompletedTheMessage() throws Exception {
        TestAccount account = newAccount();
        addWebhook(account, "flow1", 7, "https://hiflow.tencent.com/api/hook/1");
        String shortCode = dispatched(account, Map.of());
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        DeliveryStatusChanged delivered = change(account, shortCode, DeliveryState.DELIVERED, 1, null);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                Topics.DELIVERY_STATUS.name(), shortCode, EventJson.mapper().writeValueAsBytes(delivered));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.ID, delivered.deliveryId() + "/DELIVERED/1");
        header(record, CloudEventHeaders.TYPE, EventTypes.DELIVERY_STATUS_CHANGED.ceType());
        header(record, CloudEventHeaders.SOURCE, "channel-webhook");
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        header(record, "traceparent", "00-" + traceId + "-b7ad6b7169203331-01");
        PlainProducer.send(record);

        ConsumerRecord<String, byte[]> completion =
                KafkaProbe.await(Topics.MESSAGES_COMPLETED.name(), r -> shortCode.equals(r.key()));

        assertThat(KafkaProbe.header(completion, "traceparent"))
                .startsWith("00-" + traceId + "-")
                .doesNotContain("b7ad6b7169203331");
    }

    @Test
    void shouldApplyAPollOfSeveralMessagesAndAnnounceOnlyThoseItCompleted() {
        TestAccount account = newAccount();
        addWebhook(account, "flow1", 7, "https://hiflow.tencent.com/api/hook/1");
        String delivered = dispatched(account, Map.of());
        String failed = dispatched(account, Map.of());
        String sending = dispatched(account, Map.of());
        String accessKey = accessKey(account);

        projector.applyAll(List.of(
                change(account, delivered, DeliveryState.SENDING, 1, null),
                change(account, failed, DeliveryState.SENDING, 1, null),
                change(account, sending, DeliveryState.SENDING, 1, null),
                change(account, delivered, DeliveryState.DELIVERED, 1, null),
                // A message this ingest never dispatched is skipped, the others still applied.
                change(account, "0123456789abcdef0123456789abcdef", DeliveryState.DELIVERED, 1, null),
                change(account, failed, DeliveryState.FAILED, 1, "HTTP 404 from hiflow.tencent.com")));

        assertThat(result(accessKey, delivered).get("status").asInt()).isEqualTo(2);
        JsonNode failedResult = result(accessKey, failed);
        assertThat(failedResult.get("status").asInt()).isEqualTo(3);
        assertThat(failedResult.get("errorMessage").asString()).isEqualTo("HTTP 404 from hiflow.tencent.com");
        assertThat(result(accessKey, sending).get("status").asInt()).isEqualTo(1);
        assertThat(KafkaProbe.withKey(Topics.MESSAGES_COMPLETED.name(), delivered))
                .hasSize(1);
        assertThat(KafkaProbe.withKey(Topics.MESSAGES_COMPLETED.name(), failed)).hasSize(1);
        assertThat(KafkaProbe.withKey(Topics.MESSAGES_COMPLETED.name(), sending))
                .isEmpty();
    }

    @Test
    void shouldReportAFailedDeliveryAsStatus3WithItsReason() {
        TestAccount account = newAccount();
        addWebhook(account, "flow1", 7, "https://hiflow.tencent.com/api/hook/1");
        String shortCode = dispatched(account, Map.of("callbackUrl", "https://example.com/message-cb"));
        String accessKey = accessKey(account);

        channelReports(account, shortCode, DeliveryState.FAILED, 1, "HTTP 404 from hiflow.tencent.com");

        JsonNode result = awaitStatus(accessKey, shortCode, 3);
        assertThat(result.get("errorMessage").asString()).isEqualTo("HTTP 404 from hiflow.tencent.com");
        MessageCompleted completed = reader.read(
                        Topics.MESSAGES_COMPLETED,
                        KafkaProbe.await(Topics.MESSAGES_COMPLETED.name(), r -> shortCode.equals(r.key())))
                .data();
        assertThat(completed.sendStatus()).isEqualTo(3);
        assertThat(completed.message()).isEqualTo("HTTP 404 from hiflow.tencent.com");
        assertThat(completed.callbackUrl()).isEqualTo("https://example.com/message-cb");
    }

    @Test
    void shouldNotLetALateStatusUndoAFinalOne() {
        TestAccount account = newAccount();
        addWebhook(account, "flow1", 7, "https://hiflow.tencent.com/api/hook/1");
        String shortCode = dispatched(account, Map.of());
        String accessKey = accessKey(account);

        channelReports(account, shortCode, DeliveryState.DELIVERED, 1, null);
        awaitStatus(accessKey, shortCode, 2);
        RecordMetadata late = channelReports(account, shortCode, DeliveryState.RETRYING, 1, "timeout");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> KafkaProbe.groupPassed(
                        "ingest-projector",
                        new TopicPartition(Topics.DELIVERY_STATUS.name(), late.partition()),
                        late.offset()));

        assertThat(result(accessKey, shortCode).get("status").asInt()).isEqualTo(2);
    }

    @Test
    void shouldAnswerMessageNotFoundForAnotherAccountsShortCode() {
        TestAccount owner = newAccount();
        addWebhook(owner, "flow1", 7, "https://hiflow.tencent.com/api/hook/1");
        String shortCode = dispatched(owner, Map.of());
        String strangersKey = accessKey(newAccount());

        JsonNode body = http().get(
                        "/api/open/message/sendMessageResult?shortCode=" + shortCode,
                        Map.of("access-key", strangersKey))
                .json();

        assertThat(body.get("code").asInt()).isEqualTo(999);
        assertThat(body.get("msg").asString()).isEqualTo("消息不存在");
    }

    @Test
    void shouldRefuseTheOpenApiWithoutAValidAccessKey() {
        JsonNode missing =
                http().get("/api/open/message/sendMessageResult?shortCode=abc").json();
        JsonNode wrong = http().get(
                        "/api/open/message/sendMessageResult?shortCode=abc", Map.of("access-key", "not-a-key"))
                .json();

        assertThat(missing.get("code").asInt()).isEqualTo(401);
        assertThat(missing.get("msg").asString()).isEqualTo("缺少access-key请求头，请先调用getAccessKey获取");
        assertThat(wrong.get("code").asInt()).isEqualTo(401);
        assertThat(wrong.get("msg").asString()).isEqualTo("access-key无效或已过期，请重新获取");
    }

    @Test
    void shouldRefuseAWrongTokenSecretPair() {
        TestAccount account = newAccount();

        JsonNode body = http().postJson(
                        "/api/common/openApi/getAccessKey",
                        Map.of("token", account.token(), "secretKey", "wrong"),
                        Map.of())
                .json();

        assertThat(body.get("code").asInt()).isEqualTo(401);
        assertThat(body.get("msg").asString()).isEqualTo("token或secretKey错误");
        assertThat(body.get("data").isNull()).isTrue();
    }

    /** Sends a webhook message and waits until the dispatcher recorded it. */
    private String dispatched(TestAccount account, Map<String, Object> extra) {
        Map<String, Object> fields = new java.util.HashMap<>(
                Map.of("token", account.token(), "content", "c", "channel", "webhook", "webhook", "flow1"));
        fields.putAll(extra);
        String shortCode = sendAccepted(fields);
        KafkaProbe.await(Topics.DELIVERIES_WEBHOOK.name(), r -> (shortCode + "-webhook-flow1")
                .equals(KafkaProbe.header(r, "ce_id")));
        return shortCode;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** What channel-webhook would publish. */
    private RecordMetadata channelReports(
            TestAccount account, String shortCode, DeliveryState state, int attempt, String reason) {
        DeliveryStatusChanged change = change(account, shortCode, state, attempt, reason);
        return publisher.publishAndWait(
                Topics.DELIVERY_STATUS,
                EventTypes.DELIVERY_STATUS_CHANGED,
                shortCode,
                change.deliveryId() + "/" + state + "/" + attempt,
                change,
                Duration.ofSeconds(10));
    }

    private static DeliveryStatusChanged change(
            TestAccount account, String shortCode, DeliveryState state, int attempt, String reason) {
        return new DeliveryStatusChanged(
                shortCode + "-webhook-flow1",
                shortCode,
                UUID.fromString(account.accountId()),
                "webhook",
                state,
                attempt,
                reason,
                Instant.now());
    }

    private String accessKey(TestAccount account) {
        JsonNode body = http().postJson(
                        "/api/common/openApi/getAccessKey",
                        Map.of("token", account.token(), "secretKey", account.secretKey()),
                        Map.of())
                .json();
        assertThat(body.get("code").asInt()).isEqualTo(200);
        assertThat(body.get("msg").asString()).isEqualTo("执行成功");
        assertThat(body.get("data").get("expiresIn").asInt()).isEqualTo(7200);
        return body.get("data").get("accessKey").asString();
    }

    private JsonNode awaitStatus(String accessKey, String shortCode, int status) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> result(accessKey, shortCode),
                        data -> data.get("status").asInt() == status);
    }

    private JsonNode result(String accessKey, String shortCode) {
        JsonNode body = http().get(
                        "/api/open/message/sendMessageResult?shortCode=" + shortCode, Map.of("access-key", accessKey))
                .json();
        assertThat(body.get("code").asInt()).as(body.toString()).isEqualTo(200);
        return body.get("data");
    }
}
