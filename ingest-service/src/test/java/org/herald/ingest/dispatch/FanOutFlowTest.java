package org.herald.ingest.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.events.message.MessageAccepted;
import org.herald.events.message.MessageCompleted;
import org.herald.events.topic.EventTypes;
import org.herald.events.topic.Topics;
import org.herald.ingest.KafkaProbe;
import org.herald.ingest.audience.AudienceIntegrationTest;
import org.herald.sealing.SecretSealer;
import org.herald.transport.EventPublisher;
import org.herald.transport.EventReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Recipients of person-addressed channels (wechat is opened for the tests): topic, to, the owner. */
class FanOutFlowTest extends AudienceIntegrationTest {

    private final EventReader reader = new EventReader();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SecretSealer sealer;

    @Autowired
    EventPublisher publisher;

    @Test
    void shouldRequestEveryReachableSubscriberOfALargeTopicExactlyOnce() {
        TestAccount owner = newAccount();
        long topicId = addTopic(accessKey(owner), "big", "大群");
        int subscribers = 2_000;
        // Every tenth subscriber bound only a phone: wechat cannot reach them.
        insertSubscribers(topicId, subscribers, 10);

        String shortCode = sendAccepted(Map.of(
                "token",
                owner.token(),
                "title",
                "t",
                "content",
                "fan-out " + UUID.randomUUID(),
                "channel",
                "wechat",
                "topic",
                "big"));

        List<ConsumerRecord<String, byte[]>> records = awaitRequests(shortCode, 1_800);
        assertThat(records).hasSize(1_800);
        List<DeliveryRequested> requests = records.stream()
                .map(r -> reader.read(Topics.DELIVERIES_WECHAT, r).data())
                .toList();
        Set<String> deliveryIds =
                requests.stream().map(DeliveryRequested::deliveryId).collect(Collectors.toSet());
        assertThat(deliveryIds).hasSize(1_800);
        List<Long> reachable = jdbc.sql(
                        "select id from topic_subscribers where topic_id = :id and open_id is not null order by id")
                .param("id", topicId)
                .query(Long.class)
                .list();
        assertThat(requests)
                .extracting(request -> request.recipient().id())
                .containsExactlyInAnyOrderElementsOf(
                        reachable.stream().map(String::valueOf).toList());
        assertThat(records).allSatisfy(record -> {
            DeliveryRequested request =
                    reader.read(Topics.DELIVERIES_WECHAT, record).data();
            assertThat(record.key()).isEqualTo(request.recipient().id());
            assertThat(request.recipient().kind()).isEqualTo("topic-member");
            assertThat(request.deliveryId())
                    .isEqualTo(shortCode + "-wechat-m" + request.recipient().id());
            assertThat(KafkaProbe.header(record, "ce_id")).isEqualTo(request.deliveryId());
        });
        DeliveryRequested one = requests.get(0);
        String openId = jdbc.sql("select open_id from topic_subscribers where id = :id")
                .param("id", Long.parseLong(one.recipient().id()))
                .query(String.class)
                .single();
        assertThat(one.target().sealedAddress()).startsWith("v1:");
        assertThat(sealer.open(one.target().sealedAddress())).isEqualTo(openId);
        assertThat(one.target().attributes()).containsEntry("source", "topic").containsEntry("topicCode", "big");
        assertThat(KafkaProbe.value(records.get(0))).doesNotContain(openId);

        Map<String, Long> states = deliveryStates(shortCode);
        assertThat(states).containsEntry("QUEUED", 1_800L).containsEntry("FAILED", 200L);
        assertThat(jdbc.sql("select distinct reason from deliveries where short_code = :c and state = 'FAILED'")
                        .param("c", shortCode)
                        .query(String.class)
                        .list())
                .containsExactly("未绑定微信openId");
    }

    @Test
    void shouldNotCreateDeliveriesTwiceWhenTheSameMessageIsReplayed() {
        TestAccount owner = newAccount();
        long topicId = addTopic(accessKey(owner), "replay", "重放");
        insertSubscribers(topicId, 300, 0);
        String shortCode = sendAccepted(Map.of(
                "token",
                owner.token(),
                "content",
                "replay " + UUID.randomUUID(),
                "channel",
                "wechat",
                "topic",
                "replay"));
        List<ConsumerRecord<String, byte[]>> first = awaitRequests(shortCode, 300);
        Set<String> firstIds = ids(first);
        // A channel has taken one delivery up: it must not be requested again.
        String taken = firstIds.iterator().next();
        jdbc.sql("update deliveries set state = 'SENDING', attempt = 1 where delivery_id = :id")
                .param("id", taken)
                .update();
        MessageAccepted accepted = reader.read(
                        Topics.MESSAGES,
                        KafkaProbe.withKey(Topics.MESSAGES.name(), shortCode).get(0))
                .data();

        RecordMetadata replayed = publisher.publishAndWait(
                Topics.MESSAGES, EventTypes.MESSAGE_ACCEPTED, shortCode, shortCode, accepted, Duration.ofSeconds(10));

        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> KafkaProbe.groupPassed(
                        "ingest-dispatcher",
                        new TopicPartition(Topics.MESSAGES.name(), replayed.partition()),
                        replayed.offset()));
        List<ConsumerRecord<String, byte[]>> all = requests(shortCode);
        assertThat(ids(all)).isEqualTo(firstIds);
        Map<String, Long> perDelivery = all.stream()
                .map(r -> KafkaProbe.header(r, "ce_id"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perDelivery).containsEntry(taken, 1L);
        assertThat(perDelivery.values().stream().filter(count -> count == 2L)).hasSize(299);
        assertThat(jdbc.sql("select count(*) from deliveries where short_code = :c")
                        .param("c", shortCode)
                        .query(Long.class)
                        .single())
                .isEqualTo(300);
    }

    @Test
    void shouldSendToFriendsInToAndRecordThoseItCannotReach() {
        TestAccount owner = newAccount();
        String reachable = friend(owner, Map.of("openId", "oPal1", "nickName", "pal"));
        String mailOnly = friend(owner, Map.of("email", "pal2@example.com"));
        String unknown = "0123456789abcdef0123456789abcdef";

        String shortCode = sendAccepted(Map.of(
                "token",
                owner.token(),
                "content",
                "to " + UUID.randomUUID(),
                "channel",
                "wechat",
                "to",
                reachable + "," + mailOnly + "," + unknown));

        DeliveryRequested request = reader.read(
                        Topics.DELIVERIES_WECHAT, awaitRequests(shortCode, 1).get(0))
                .data();
        assertThat(request.recipient().kind()).isEqualTo("friend");
        assertThat(request.recipient().id()).isEqualTo(reachable);
        assertThat(sealer.open(request.target().sealedAddress())).isEqualTo("oPal1");
        assertThat(request.target().attributes()).containsEntry("source", "friend");
        Map<String, String> reasons = jdbc
                .sql("select delivery_id, reason from deliveries where short_code = :c and state = 'FAILED'")
                .param("c", shortCode)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(reasons)
                .containsEntry(shortCode + "-wechat-f" + mailOnly, "未绑定微信openId")
                .containsEntry(shortCode + "-wechat-f" + unknown, "好友不存在或已删除")
                .hasSize(2);
    }

    @Test
    void shouldLetTheTopicBeatToAndSendToTheOwnerWhenNeitherIsGiven() {
        TestAccount owner = newAccount();
        long topicId = addTopic(accessKey(owner), "beats", "优先");
        insertSubscribers(topicId, 3, 0);
        String pal = friend(owner, Map.of("openId", "oPalBeats"));

        String topicSend = sendAccepted(Map.of(
                "token",
                owner.token(),
                "content",
                "beats " + UUID.randomUUID(),
                "channel",
                "wechat",
                "topic",
                "beats",
                "to",
                pal));
        assertThat(awaitRequests(topicSend, 3))
                .extracting(r -> reader.read(Topics.DELIVERIES_WECHAT, r)
                        .data()
                        .recipient()
                        .kind())
                .containsOnly("topic-member");

        refused(
                http().postJson(
                                "/send",
                                Map.of(
                                        "token",
                                        owner.token(),
                                        "content",
                                        "self " + UUID.randomUUID(),
                                        "channel",
                                        "wechat"),
                                Map.of())
                        .json(),
                "无用户接收消息（账户未绑定微信openId）");
        ok(admin("PUT", "/api/admin/accounts/" + owner.accountId() + "/contacts", Map.of("openId", "oOwner")));
        String selfSend = sendAccepted(
                Map.of("token", owner.token(), "content", "self " + UUID.randomUUID(), "channel", "wechat"));
        DeliveryRequested self = reader.read(
                        Topics.DELIVERIES_WECHAT, awaitRequests(selfSend, 1).get(0))
                .data();
        assertThat(self.recipient().kind()).isEqualTo("self");
        assertThat(self.recipient().id()).isEqualTo(owner.accountId());
        assertThat(self.deliveryId()).isEqualTo(selfSend + "-wechat-self");
        assertThat(sealer.open(self.target().sealedAddress())).isEqualTo("oOwner");
    }

    @Test
    void shouldRefuseAtSendWhenNobodyCouldReceiveIt() {
        TestAccount owner = newAccount();
        long topicId = addTopic(accessKey(owner), "phones", "只有手机");
        insertSubscribers(topicId, 5, 1);
        String mailOnly = friend(owner, Map.of("email", "only@example.com"));

        refused(send(owner, Map.of("topic", "nope")), "群组不存在: nope");
        refused(send(owner, Map.of("topic", "phones")), "无用户接收消息（群组phones没有已绑定微信openId的订阅者）");
        refused(send(owner, Map.of("to", mailOnly)), "无用户接收消息（to中没有已绑定微信openId的好友）");
        // webhook ignores topic and to: the remote system decides who reads it.
        addWebhook(owner, "hook", 7, "https://hiflow.tencent.com/api/hook/x");
        assertThat(send(owner, Map.of("channel", "webhook", "webhook", "hook", "topic", "nope"))
                        .get("code")
                        .asInt())
                .isEqualTo(200);
    }

    @Test
    void shouldCompleteAsFailedWhenAtDispatchNobodyCanReceiveIt() {
        TestAccount owner = newAccount();
        long topicId = addTopic(accessKey(owner), "gone", "没人");
        insertSubscribers(topicId, 4, 1);
        String shortCode = UUID.randomUUID().toString().replace("-", "");
        MessageAccepted accepted = new MessageAccepted(
                shortCode,
                UUID.fromString(owner.accountId()),
                "wechat",
                "html",
                "t",
                "c",
                null,
                "gone",
                List.of(),
                null,
                null,
                Instant.now());

        publisher.publishAndWait(
                Topics.MESSAGES, EventTypes.MESSAGE_ACCEPTED, shortCode, shortCode, accepted, Duration.ofSeconds(10));

        MessageCompleted completed = reader.read(
                        Topics.MESSAGES_COMPLETED,
                        KafkaProbe.await(Topics.MESSAGES_COMPLETED.name(), r -> shortCode.equals(r.key())))
                .data();
        assertThat(completed.sendStatus()).isEqualTo(3);
        assertThat(completed.message()).isEqualTo("未绑定微信openId");
        assertThat(completed.failed()).isEqualTo(4);
        assertThat(requests(shortCode)).isEmpty();
    }

    private JsonNode send(TestAccount owner, Map<String, Object> fields) {
        Map<String, Object> body = new java.util.HashMap<>(fields);
        body.put("token", owner.token());
        body.put("content", "refused " + UUID.randomUUID());
        body.putIfAbsent("channel", "wechat");
        return http().postJson("/send", body, Map.of()).json();
    }

    private String friend(TestAccount owner, Map<String, Object> person) {
        return ok(admin("POST", "/api/admin/accounts/" + owner.accountId() + "/friends", person))
                .get("token")
                .asString();
    }

    /**
     * Subscribes {@code count} people straight in the database (the API path is tested elsewhere);
     * with {@code phoneOnlyEvery} n, every n-th has a phone and no openId (0: none such).
     */
    private void insertSubscribers(long topicId, int count, int phoneOnlyEvery) {
        jdbc.sql(
                        """
                        insert into topic_subscribers (topic_id, subscriber_key, open_id, phone, state, joined_at,
                                                       updated_at)
                        select :topicId, 'fan:' || :topicId || ':' || g,
                               case when g % nullif(:every, 0) = 0 then null else 'oFan' || :topicId || '_' || g end,
                               '1380000' || g, 'ACTIVE', now(), now()
                        from generate_series(1, :count) g
                        """)
                .param("topicId", topicId)
                .param("count", count)
                .param("every", phoneOnlyEvery)
                .update();
    }

    private List<ConsumerRecord<String, byte[]>> awaitRequests(String shortCode, int expected) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> requests(shortCode), found -> found.size() >= expected);
    }

    private List<ConsumerRecord<String, byte[]>> requests(String shortCode) {
        return KafkaProbe.readAll(Topics.DELIVERIES_WECHAT.name()).stream()
                .filter(r -> KafkaProbe.header(r, "ce_id").startsWith(shortCode + "-"))
                .toList();
    }

    private static Set<String> ids(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> KafkaProbe.header(r, "ce_id")).collect(Collectors.toCollection(HashSet::new));
    }

    private Map<String, Long> deliveryStates(String shortCode) {
        return jdbc
                .sql("select state, count(*) from deliveries where short_code = :c group by state")
                .param("c", shortCode)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
