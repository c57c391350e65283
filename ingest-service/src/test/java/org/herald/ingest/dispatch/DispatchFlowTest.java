package org.herald.ingest.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.events.delivery.DeliveryState;
import org.herald.events.delivery.DeliveryStatusChanged;
import org.herald.events.message.MessageAccepted;
import org.herald.events.message.MessageCompleted;
import org.herald.events.topic.EventTypes;
import org.herald.events.topic.Topics;
import org.herald.ingest.IngestIntegrationTest;
import org.herald.ingest.KafkaProbe;
import org.herald.ingest.TestHttp;
import org.herald.ingest.message.DeliveryRecord;
import org.herald.ingest.message.MessageRepository;
import org.herald.sealing.SecretSealer;
import org.herald.transport.EventPublisher;
import org.herald.transport.EventReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class DispatchFlowTest extends IngestIntegrationTest {

    private static final String HOOK_URL = "https://hiflow.tencent.com/api/hook/k3y-in-the-url";

    private final EventReader reader = new EventReader();

    @Autowired
    SecretSealer sealer;

    @Autowired
    EventPublisher publisher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    MessageRepository messages;

    @Test
    void shouldQueueTheDeliveryAndRequestItWithTheUrlSealed() {
        TestAccount account = newAccount();
        addWebhook(account, "flow1", 7, HOOK_URL);

        String shortCode = sendAccepted(Map.of(
                "token", account.token(), "title", "t", "content", "c", "channel", "webhook", "webhook", "flow1"));

        String deliveryId = shortCode + "-webhook-flow1";
        DeliveryStatusChanged queued = status(shortCode, DeliveryState.QUEUED);
        assertThat(queued.deliveryId()).isEqualTo(deliveryId);
        assertThat(queued.attempt()).isZero();
        assertThat(queued.channel()).isEqualTo("webhook");

        ConsumerRecord<String, byte[]> record = KafkaProbe.await(
                Topics.DELIVERIES_WEBHOOK.name(), r -> deliveryId.equals(KafkaProbe.header(r, "ce_id")));
        assertThat(record.key()).isEqualTo("flow1");
        assertThat(KafkaProbe.value(record)).doesNotContain(HOOK_URL).doesNotContain("k3y-in-the-url");
        DeliveryRequested request =
                reader.read(Topics.DELIVERIES_WEBHOOK, record).data();
        assertThat(request.deliveryId()).isEqualTo(deliveryId);
        assertThat(request.messageId()).isEqualTo(shortCode);
        assertThat(request.recipient().kind()).isEqualTo("webhook");
        assertThat(request.recipient().id()).isEqualTo("flow1");
        assertThat(request.target().type()).isEqualTo("HIFLOW");
        assertThat(request.target().configCode()).isEqualTo("flow1");
        assertThat(request.target().sealedAddress()).startsWith("v1:");
        assertThat(sealer.open(request.target().sealedAddress())).isEqualTo(HOOK_URL);
        assertThat(request.target().attributes()).containsEntry("icon", "http://herald.test/assets/herald-icon.png");
        assertThat(request.pageUrl()).isEqualTo("http://herald.test/m/" + shortCode);
        assertThat(request.title()).isEqualTo("t");
        assertThat(request.content()).isEqualTo("c");
    }

    @Test
    void shouldRequestARobotWithItsSecretSealedAndItsKeywordAsAttribute() {
        TestAccount account = newAccount();
        String url = "https://oapi.dingtalk.com/robot/send?access_token=tok-in-url";
        TestHttp.Response added = http().postJson(
                        "/api/admin/accounts/" + account.accountId() + "/webhooks",
                        Map.of(
                                "webhookCode", "ding",
                                "webhookType", 2,
                                "webhookUrl", url,
                                "secret", "SECsigning-secret",
                                "keyword", "pushplus"),
                        Map.of("X-Admin-Key", ADMIN_KEY));
        assertThat(added.json().get("code").asInt()).as(added.body()).isEqualTo(200);

        String shortCode = sendAccepted(Map.of(
                "token", account.token(), "title", "t", "content", "c", "channel", "webhook", "webhook", "ding"));

        String deliveryId = shortCode + "-webhook-ding";
        ConsumerRecord<String, byte[]> record = KafkaProbe.await(
                Topics.DELIVERIES_WEBHOOK.name(), r -> deliveryId.equals(KafkaProbe.header(r, "ce_id")));
        assertThat(KafkaProbe.value(record)).doesNotContain("SECsigning-secret").doesNotContain("tok-in-url");
        DeliveryRequested request =
                reader.read(Topics.DELIVERIES_WEBHOOK, record).data();
        assertThat(request.target().type()).isEqualTo("DINGTALK");
        assertThat(sealer.open(request.target().sealedAddress())).isEqualTo(url);
        assertThat(sealer.open(request.target().sealedSecret())).isEqualTo("SECsigning-secret");
        assertThat(request.target().attributes())
                .containsEntry("keyword", "pushplus")
                .containsEntry("icon", "http://herald.test/assets/herald-icon.png");
    }

    @Test
    void shouldRequestACustomWebhookWithItsHeadersSealedAndItsTemplateAsAttributes() {
        TestAccount account = newAccount();
        TestHttp.Response added = http().postJson(
                        "/api/admin/accounts/" + account.accountId() + "/webhooks",
                        Map.of(
                                "webhookCode", "mine",
                                "webhookType", 12,
                                "webhookUrl", "https://hooks.example/notify",
                                "headers", Map.of("Authorization", "Bearer hdr-secret"),
                                "body", "{title}|{content}",
                                "contentType", "text/plain"),
                        Map.of("X-Admin-Key", ADMIN_KEY));
        assertThat(added.json().get("code").asInt()).as(added.body()).isEqualTo(200);

        String shortCode =
                sendAccepted(Map.of("token", account.token(), "content", "c", "channel", "webhook", "webhook", "mine"));

        ConsumerRecord<String, byte[]> record =
                KafkaProbe.await(Topics.DELIVERIES_WEBHOOK.name(), r -> (shortCode + "-webhook-mine")
                        .equals(KafkaProbe.header(r, "ce_id")));
        assertThat(KafkaProbe.value(record)).doesNotContain("hdr-secret");
        DeliveryRequested request =
                reader.read(Topics.DELIVERIES_WEBHOOK, record).data();
        assertThat(request.target().type()).isEqualTo("CUSTOM");
        assertThat(sealer.open(request.target().sealedSecret())).isEqualTo("{\"Authorization\":\"Bearer hdr-secret\"}");
        assertThat(request.target().attributes())
                .containsEntry("method", "POST")
                .containsEntry("body", "{title}|{content}")
                .containsEntry("contentType", "text/plain");
    }

    @Test
    void shouldRecordARedeliveredMessageOnceAndRequestItAgain() {
        TestAccount account = newAccount();
        addWebhook(account, "jj", 9, "https://jijyun.cn/hook/1");
        String shortCode =
                sendAccepted(Map.of("token", account.token(), "content", "c", "channel", "webhook", "option", "jj"));
        MessageAccepted accepted = reader.read(
                        Topics.MESSAGES,
                        KafkaProbe.withKey(Topics.MESSAGES.name(), shortCode).get(0))
                .data();
        KafkaProbe.await(Topics.DELIVERIES_WEBHOOK.name(), r -> shortCode.equals(messageIdOf(r)));

        publisher.publishAndWait(
                Topics.MESSAGES, EventTypes.MESSAGE_ACCEPTED, shortCode, shortCode, accepted, Duration.ofSeconds(10));

        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> KafkaProbe.readAll(Topics.DELIVERIES_WEBHOOK.name()).stream()
                                .filter(r -> shortCode.equals(messageIdOf(r)))
                                .count()
                        == 2);
        List<DeliveryRequested> requests = KafkaProbe.readAll(Topics.DELIVERIES_WEBHOOK.name()).stream()
                .filter(r -> shortCode.equals(messageIdOf(r)))
                .map(r -> reader.read(Topics.DELIVERIES_WEBHOOK, r).data())
                .toList();
        assertThat(requests).extracting(DeliveryRequested::deliveryId).containsOnly(shortCode + "-webhook-jj");
        assertThat(requests.get(0).target().type()).isEqualTo("JIJYUN");
        assertThat(count("select count(*) from messages where short_code = :code", shortCode))
                .isEqualTo(1);
        assertThat(count("select count(*) from deliveries where short_code = :code", shortCode))
                .isEqualTo(1);
    }

    @Test
    void shouldNotDecideAgainOnARedeliveredMessageAChannelHasTakenUp() {
        TestAccount account = newAccount();
        addWebhook(account, "taken", 7, HOOK_URL);
        String shortCode = sendAccepted(
                Map.of("token", account.token(), "content", "c", "channel", "webhook", "webhook", "taken"));
        String deliveryId = shortCode + "-webhook-taken";
        KafkaProbe.await(Topics.DELIVERIES_WEBHOOK.name(), r -> deliveryId.equals(KafkaProbe.header(r, "ce_id")));
        DeliveryStatusChanged sending = new DeliveryStatusChanged(
                deliveryId,
                shortCode,
                UUID.fromString(account.accountId()),
                "webhook",
                DeliveryState.SENDING,
                1,
                null,
                java.time.Instant.now());
        publisher.publishAndWait(
                Topics.DELIVERY_STATUS,
                EventTypes.DELIVERY_STATUS_CHANGED,
                shortCode,
                deliveryId + "/SENDING/1",
                sending,
                Duration.ofSeconds(10));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "SENDING"
                .equals(jdbc.sql("select state from deliveries where delivery_id = :id")
                        .param("id", deliveryId)
                        .query(String.class)
                        .single()));
        TestHttp.Response deleted = http().send(
                        "DELETE",
                        "/api/admin/accounts/" + account.accountId() + "/webhooks/taken",
                        null,
                        null,
                        Map.of("X-Admin-Key", ADMIN_KEY));
        assertThat(deleted.json().get("code").asInt()).isEqualTo(200);
        MessageAccepted accepted = reader.read(
                        Topics.MESSAGES,
                        KafkaProbe.withKey(Topics.MESSAGES.name(), shortCode).get(0))
                .data();

        RecordMetadata redelivered = publisher.publishAndWait(
                Topics.MESSAGES, EventTypes.MESSAGE_ACCEPTED, shortCode, shortCode, accepted, Duration.ofSeconds(10));

        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> KafkaProbe.groupPassed(
                        "ingest-dispatcher",
                        new TopicPartition(Topics.MESSAGES.name(), redelivered.partition()),
                        redelivered.offset()));
        assertThat(KafkaProbe.withKey(Topics.DELIVERY_STATUS.name(), shortCode))
                .extracting(r -> reader.read(Topics.DELIVERY_STATUS, r).data().state())
                .containsExactlyInAnyOrder(DeliveryState.QUEUED, DeliveryState.SENDING);
        assertThat(KafkaProbe.readAll(Topics.DELIVERIES_WEBHOOK.name()))
                .filteredOn(r -> shortCode.equals(messageIdOf(r)))
                .hasSize(1);
    }

    @Test
    void shouldFailTheMessageWhenItsWebhookWasDeletedBeforeDispatch() {
        TestAccount account = newAccount(Map.of("name", "vanish", "callbackUrl", "https://example.com/acct"));
        addWebhook(account, "gone", 7, HOOK_URL);
        UUID accountId = UUID.fromString(account.accountId());
        // The accepted event of a message whose webhook is deleted before the dispatcher reads it.
        String shortCode = UUID.randomUUID().toString().replace("-", "");
        MessageAccepted accepted = new MessageAccepted(
                shortCode,
                accountId,
                "webhook",
                "html",
                "t",
                "c",
                "gone",
                null,
                List.of(),
                null,
                null,
                java.time.Instant.now());
        jdbc.sql("delete from webhooks where account_id = :id")
                .param("id", accountId)
                .update();

        publisher.publishAndWait(
                Topics.MESSAGES, EventTypes.MESSAGE_ACCEPTED, shortCode, shortCode, accepted, Duration.ofSeconds(10));

        ConsumerRecord<String, byte[]> record =
                KafkaProbe.await(Topics.MESSAGES_COMPLETED.name(), r -> shortCode.equals(r.key()));
        MessageCompleted completed =
                reader.read(Topics.MESSAGES_COMPLETED, record).data();
        assertThat(completed.sendStatus()).isEqualTo(3);
        assertThat(completed.message()).isEqualTo("webhook配置不存在或已删除: gone");
        assertThat(completed.delivered()).isZero();
        assertThat(completed.failed()).isEqualTo(1);
        assertThat(completed.callbackUrl()).isEqualTo("https://example.com/acct");
        assertThat(KafkaProbe.readAll(Topics.DELIVERIES_WEBHOOK.name()))
                .noneMatch(r -> shortCode.equals(messageIdOf(r)));
        Map<String, Object> row = jdbc.sql("select status, error_message from messages where short_code = :code")
                .param("code", shortCode)
                .query()
                .singleRow();
        assertThat(((Number) row.get("status")).intValue()).isEqualTo(3);
        assertThat(row).containsEntry("error_message", "webhook配置不存在或已删除: gone");
    }

    @Test
    void shouldDispatchAPollOfMessagesEachOnceWithItsQueuedStatusBeforeItsRequest() {
        TestAccount account = newAccount();
        addWebhook(account, "flow1", 7, HOOK_URL);
        UUID accountId = UUID.fromString(account.accountId());
        MessageAccepted first = accepted(accountId, "flow1");
        MessageAccepted twice = accepted(accountId, "flow1");
        MessageAccepted unknownWebhook = accepted(accountId, "nowhere");
        MessageAccepted takenUp = accepted(accountId, "flow1");
        // A channel already reports on this one: its first dispatch got through before a crash.
        messages.insertMessagesAbsent(List.of(FanOut.record(takenUp, Instant.now())));
        messages.insertDeliveriesAbsent(List.of(new DeliveryRecord(
                takenUp.messageId() + "-webhook-flow1",
                takenUp.messageId(),
                "webhook",
                "webhook:flow1",
                DeliveryState.SENDING,
                1,
                null,
                Instant.now())));

        dispatcher.dispatchAll(List.of(first, twice, unknownWebhook, twice, takenUp));

        for (MessageAccepted message : List.of(first, twice)) {
            String deliveryId = message.messageId() + "-webhook-flow1";
            List<ConsumerRecord<String, byte[]>> requests =
                    KafkaProbe.readAll(Topics.DELIVERIES_WEBHOOK.name()).stream()
                            .filter(r -> deliveryId.equals(KafkaProbe.header(r, "ce_id")))
                            .toList();
            List<ConsumerRecord<String, byte[]>> statuses =
                    KafkaProbe.withKey(Topics.DELIVERY_STATUS.name(), message.messageId());
            assertThat(requests).hasSize(1);
            assertThat(statuses)
                    .extracting(
                            r -> reader.read(Topics.DELIVERY_STATUS, r).data().state())
                    .containsExactly(DeliveryState.QUEUED);
            assertThat(statuses.get(0).timestamp())
                    .isLessThanOrEqualTo(requests.get(0).timestamp());
            assertThat(count("select count(*) from deliveries where short_code = :code", message.messageId()))
                    .isEqualTo(1);
        }
        assertThat(KafkaProbe.withKey(Topics.DELIVERY_STATUS.name(), unknownWebhook.messageId()))
                .extracting(r -> reader.read(Topics.DELIVERY_STATUS, r).data())
                .singleElement()
                .satisfies(failed -> {
                    assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
                    assertThat(failed.reason()).isEqualTo("webhook配置不存在或已删除: nowhere");
                });
        assertThat(KafkaProbe.withKey(Topics.DELIVERY_STATUS.name(), takenUp.messageId()))
                .isEmpty();
        assertThat(KafkaProbe.readAll(Topics.DELIVERIES_WEBHOOK.name()))
                .noneMatch(r ->
                        Set.of(unknownWebhook.messageId(), takenUp.messageId()).contains(messageIdOf(r)));
        assertThat(count("select count(*) from messages where short_code = :code", unknownWebhook.messageId()))
                .isEqualTo(1);
        assertThat(messages.deliveries(takenUp.messageId()))
                .extracting(DeliveryRecord::state)
                .containsExactly(DeliveryState.SENDING);
    }

    private static MessageAccepted accepted(UUID accountId, String webhook) {
        return new MessageAccepted(
                UUID.randomUUID().toString().replace("-", ""),
                accountId,
                "webhook",
                "html",
                "t",
                "c",
                webhook,
                null,
                List.of(),
                null,
                null,
                Instant.now());
    }

    private DeliveryStatusChanged status(String shortCode, DeliveryState state) {
        ConsumerRecord<String, byte[]> record = KafkaProbe.await(Topics.DELIVERY_STATUS.name(), r -> {
            if (!shortCode.equals(r.key())) {
                return false;
            }
            return reader.read(Topics.DELIVERY_STATUS, r).data().state() == state;
        });
        return reader.read(Topics.DELIVERY_STATUS, record).data();
    }

    private String messageIdOf(ConsumerRecord<String, byte[]> record) {
        return reader.read(Topics.DELIVERIES_WEBHOOK, record).data().messageId();
    }

    private long count(String sql, String shortCode) {
        return jdbc.sql(sql).param("code", shortCode).query(Long.class).single();
    }
}
