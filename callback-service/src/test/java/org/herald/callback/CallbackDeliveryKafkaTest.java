package org.herald.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.herald.events.account.FriendAdded;
import org.herald.events.account.TopicMemberAdded;
import org.herald.events.callback.CallbackEndpointChanged;
import org.herald.events.message.MessageCompleted;
import org.herald.events.topic.EventTypes;
import org.herald.events.topic.Topics;
import org.herald.sandbox.ProviderSandbox;
import org.herald.sandbox.inbox.ReceivedRequest;
import org.herald.sealing.SecretSealer;
import org.herald.testservers.RealServers;
import org.herald.transport.EventPublisher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service as deployed: real Kafka and PostgreSQL, the provider sandbox's callback receiver in
 * the same JVM reached over real HTTP on loopback, a schedule shortened to fractions of a second.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "herald.outbound.allow-private-networks=true",
            "herald.events.partitions=3",
            "herald.sealing.key=" + CallbackDeliveryKafkaTest.SEALING_KEY,
            "herald.admin.key=" + CallbackDeliveryKafkaTest.ADMIN_KEY,
            "herald.callback.retry.schedule=0s,300ms,300ms",
            "herald.callback.poller.interval=50ms",
            "herald.callback.disable-after=1500ms",
            "herald.callback.breaker.minimum-calls=100"
        })
@DirtiesContext
class CallbackDeliveryKafkaTest {

    static final String SEALING_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    static final String ADMIN_KEY = "callback-test-admin-key";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final SecretSealer SEALER = SecretSealer.fromBase64(SEALING_KEY);

    private static ProviderSandbox sandbox;
    private final HttpClient client = HttpClient.newHttpClient();

    @Autowired
    EventPublisher publisher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.registerKafka(registry);
        RealServers.registerPostgres(registry);
    }

    @BeforeAll
    static void startSandbox() {
        sandbox = ProviderSandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void shouldPostMessageComplateOnceSignedWithTheAccountSecret() {
        UUID account = UUID.randomUUID();
        String secret = newSecret();
        String receiver = receiver("signed");
        sandbox.callbackReceivers().secret(receiver, secret);
        endpoint(account, receiverUrl(receiver("account-wide")), Instant.now(), secret);
        MessageCompleted completed = completed(account, receiverUrl(receiver));
        long before = Instant.now().getEpochSecond();

        publish(completed, completed.messageId());

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
        assertThat(post.header("webhook-signature")).startsWith("v1,");
        assertThat(StandardWebhooksVerifier.verify(
                        secret,
                        post.header("webhook-id"),
                        post.header("webhook-timestamp"),
                        post.body().getBytes(StandardCharsets.UTF_8),
                        post.header("webhook-signature")))
                .isTrue();
        assertThat(post.verdict()).endsWith("signature verified");
        assertThat(event(completed.messageId()))
                .containsEntry("state", "DELIVERED")
                .containsEntry("attempts", 1)
                .containsEntry("kind", "message_complate")
                .containsEntry("url_host", "localhost");
        List<Map<String, Object>> attempts = attempts(completed.messageId());
        assertThat(attempts).hasSize(1);
        assertThat(attempts.get(0))
                .containsEntry("http_status", 200)
                .containsEntry("error", null)
                .containsEntry("response_excerpt", "{\"code\":200,\"msg\":\"success\"}");
    }

    @Test
    void shouldSignWithBothSecretsWhileARotationOverlaps() {
        UUID account = UUID.randomUUID();
        String older = newSecret();
        String newer = newSecret();
        String receiver = receiver("rotating");
        sandbox.callbackReceivers().secret(receiver, older);
        endpoint(
                account,
                new CallbackEndpointChanged(
                        account,
                        receiverUrl(receiver),
                        List.of(SEALER.seal(newer), SEALER.seal(older)),
                        Instant.now().plusSeconds(3600),
                        Instant.now()));

        FriendAdded friend = friend(account);
        publishAccountEvent(friend);

        awaitFinal(friend.eventId());
        ReceivedRequest post = posts(receiver).get(0);
        assertThat(post.header("webhook-signature").split(" ")).hasSize(2);
        for (String secret : List.of(older, newer)) {
            assertThat(StandardWebhooksVerifier.verify(
                            secret,
                            post.header("webhook-id"),
                            post.header("webhook-timestamp"),
                            post.body().getBytes(StandardCharsets.UTF_8),
                            post.header("webhook-signature")))
                    .isTrue();
        }
        assertThat(post.verdict()).endsWith("signature verified");
    }

    @Test
    void shouldPostAddTopicUserAndAddFriendToTheAccountUrlExactlyAsPushplus() {
        UUID account = UUID.randomUUID();
        String secret = newSecret();
        String receiver = receiver("account");
        sandbox.callbackReceivers().secret(receiver, secret);
        endpoint(account, receiverUrl(receiver), Instant.now(), secret);
        TopicMemberAdded member = new TopicMemberAdded(
                "tmu_" + UUID.randomUUID().toString().replace("-", ""),
                account,
                25,
                2,
                "123",
                "123",
                "oEdHX0000000000aWDg",
                "陈大人",
                "https://thirdwx.qlogo.cn/mmopen/avatar",
                1,
                1,
                1,
                2,
                Instant.now());
        FriendAdded friend = friend(account);

        publishAccountEvent(member);
        publishAccountEvent(friend);

        awaitFinal(member.eventId());
        awaitFinal(friend.eventId());
        List<ReceivedRequest> posts = posts(receiver);
        assertThat(posts)
                .extracting(ReceivedRequest::body)
                .containsExactlyInAnyOrder(
                        "{\"event\":\"add_topic_user\",\"topicUserInfo\":{\"id\":25,\"openId\":\"oEdHX0000000000aWDg\","
                                + "\"topicId\":2,\"userSex\":1,\"isFollow\":1,\"nickName\":\"陈大人\",\"havePhone\":1,"
                                + "\"topicCode\":\"123\",\"topicName\":\"123\","
                                + "\"headImgUrl\":\"https://thirdwx.qlogo.cn/mmopen/avatar\",\"emailStatus\":2}}",
                        "{\"event\":\"add_friend\",\"qrCode\":\"自定义参数\",\"friendInfo\":{"
                                + "\"token\":\"5813c18bb0fa462789028312dae30224\",\"friendId\":5,\"isFollow\":1,"
                                + "\"nickName\":\"\",\"havePhone\":0,\"createTime\":\"2022-09-23 17:02:21\","
                                + "\"emailStatus\":0}}");
        assertThat(posts)
                .extracting(post -> post.header("webhook-id"))
                .containsExactlyInAnyOrder(member.eventId(), friend.eventId());
        assertThat(posts).allSatisfy(post -> assertThat(post.verdict()).endsWith("signature verified"));
    }

    @Test
    void shouldFallBackToTheAccountUrlAndSendUnsignedWithoutASecret() {
        UUID account = UUID.randomUUID();
        String receiver = receiver("unsigned");
        endpoint(account, new CallbackEndpointChanged(account, receiverUrl(receiver), List.of(), null, Instant.now()));
        MessageCompleted completed = completed(account, null);

        publish(completed, completed.messageId());

        awaitFinal(completed.messageId());
        ReceivedRequest post = posts(receiver).get(0);
        assertThat(post.header("webhook-id")).isEqualTo("msg_" + completed.messageId());
        assertThat(post.header("webhook-timestamp")).isNotNull();
        assertThat(post.header("webhook-signature")).isNull();
        assertThat(post.verdict()).isEqualTo("accepted");
    }

    @Test
    void shouldPostARedeliveredCompletionOnlyOnce() {
        String receiver = receiver("dup");
        MessageCompleted completed = completed(UUID.randomUUID(), receiverUrl(receiver));
        MessageCompleted marker = completed(completed.accountId(), receiverUrl(receiver("marker")));

        publish(completed, completed.messageId());
        // The same completion again, even under another event id.
        publish(completed, UUID.randomUUID().toString());
        // Same key, same partition: once the marker is through, so are the copies before it.
        publisher.publishAndWait(
                Topics.MESSAGES_COMPLETED,
                EventTypes.MESSAGE_COMPLETED,
                completed.messageId(),
                marker.messageId(),
                marker,
                Duration.ofSeconds(10));

        awaitFinal(marker.messageId());
        awaitFinal(completed.messageId());
        assertThat(posts(receiver)).hasSize(1);
        assertThat(attempts(completed.messageId())).hasSize(1);
    }

    @Test
    void shouldPostNothingAndKeepNoRowForACompletionWithoutAnyCallbackUrl() {
        MessageCompleted silent = completed(UUID.randomUUID(), null);
        MessageCompleted marker = completed(silent.accountId(), receiverUrl(receiver("marker")));

        publish(silent, silent.messageId());
        publisher.publishAndWait(
                Topics.MESSAGES_COMPLETED,
                EventTypes.MESSAGE_COMPLETED,
                silent.messageId(),
                marker.messageId(),
                marker,
                Duration.ofSeconds(10));

        awaitFinal(marker.messageId());
        assertThat(sandbox.inbox().all()).noneMatch(post -> post.body().contains(silent.messageId()));
        assertThat(eventRow(silent.messageId())).isEmpty();
    }

    @Test
    void shouldRetryAFailingReceiverThenDeliverOnce() {
        String receiver = receiver("flaky");
        sandbox.behaviour().failNext("callback", receiver, 2, 503);
        MessageCompleted completed = completed(UUID.randomUUID(), receiverUrl(receiver));

        publish(completed, completed.messageId());

        awaitFinal(completed.messageId());
        assertThat(event(completed.messageId()))
                .containsEntry("state", "DELIVERED")
                .containsEntry("attempts", 3);
        List<Map<String, Object>> attempts = attempts(completed.messageId());
        assertThat(attempts).extracting(row -> row.get("http_status")).containsExactly(503, 503, 200);
        assertThat(attempts.get(0)).containsEntry("error", "receiver answered HTTP 503");
        assertThat(attempts.get(0).get("response_excerpt")).isEqualTo("{\"code\":503,\"msg\":\"scripted failure\"}");
        List<ReceivedRequest> posts = posts(receiver);
        assertThat(posts).extracting(ReceivedRequest::status).containsExactlyInAnyOrder(503, 503, 200);
        assertThat(posts).extracting(post -> post.header("webhook-id")).containsOnly("msg_" + completed.messageId());
    }

    @Test
    void shouldGiveUpAfterTheLastAttemptAndRecordTheFinalOutcome() {
        String receiver = receiver("down");
        sandbox.behaviour().failNext("callback", receiver, 10, 500);
        MessageCompleted completed = completed(UUID.randomUUID(), receiverUrl(receiver));

        publish(completed, completed.messageId());

        awaitFinal(completed.messageId());
        assertThat(event(completed.messageId()))
                .containsEntry("state", "FAILED")
                .containsEntry("attempts", 3)
                .containsEntry("outcome", "receiver answered HTTP 500; gave up after 3 attempts");
        assertThat(posts(receiver)).hasSize(3);
        assertThat(meters.get("herald.callback.attempts")
                        .tags("event", "message_complate", "outcome", "failed")
                        .counter()
                        .count())
                .isPositive();
        assertThat(meters.get("herald.callback.attempts")
                        .tags("event", "message_complate", "outcome", "retry")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldHonourRetryAfter() {
        String receiver = receiver("throttled");
        sandbox.callbackReceivers()
                .configure(
                        receiver, sandbox.callbackReceivers().settings(receiver).withRetryAfter("2"));
        sandbox.behaviour().failNext("callback", receiver, 1, 429);
        MessageCompleted completed = completed(UUID.randomUUID(), receiverUrl(receiver));

        publish(completed, completed.messageId());

        awaitFinal(completed.messageId());
        List<Map<String, Object>> attempts = attempts(completed.messageId());
        assertThat(attempts).extracting(row -> row.get("http_status")).containsExactly(429, 200);
        assertThat(attempts.get(0)).containsEntry("error", "receiver answered HTTP 429 (Retry-After 2 s)");
        Instant first = ((Timestamp) attempts.get(0).get("attempted_at")).toInstant();
        Instant second = ((Timestamp) attempts.get(1).get("attempted_at")).toInstant();
        // The schedule alone would have come back after about 300 ms.
        assertThat(Duration.between(first, second)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void shouldDisableTheAccountEndpointOn410AndPostNothingMoreUntilItIsSetAgain() throws Exception {
        UUID account = UUID.randomUUID();
        String receiver = receiver("gone");
        sandbox.callbackReceivers()
                .configure(
                        receiver, sandbox.callbackReceivers().settings(receiver).withGone(true));
        endpoint(account, new CallbackEndpointChanged(account, receiverUrl(receiver), List.of(), null, Instant.now()));
        FriendAdded first = friend(account);
        FriendAdded second = friend(account);

        publishAccountEvent(first);
        awaitFinal(first.eventId());
        publishAccountEvent(second);
        awaitFinal(second.eventId());

        assertThat(event(first.eventId()))
                .containsEntry("state", "FAILED")
                .containsEntry("outcome", "receiver answered HTTP 410 Gone");
        assertThat(event(second.eventId()))
                .containsEntry("state", "NOT_SENT")
                .containsEntry("outcome", "callback endpoint disabled: receiver answered HTTP 410 Gone");
        assertThat(posts(receiver)).hasSize(1);
        String shown = get("/api/callback/endpoints/" + account, ADMIN_KEY).body();
        assertThat(shown)
                .contains("\"code\":200")
                .contains("\"state\":\"DISABLED\"")
                .contains("\"disabledReason\":\"receiver answered HTTP 410 Gone\"")
                .doesNotContain("whsec_");

        sandbox.callbackReceivers()
                .configure(
                        receiver, sandbox.callbackReceivers().settings(receiver).withGone(false));
        endpoint(account, new CallbackEndpointChanged(account, receiverUrl(receiver), List.of(), null, Instant.now()));
        FriendAdded third = friend(account);
        publishAccountEvent(third);
        awaitFinal(third.eventId());
        assertThat(event(third.eventId())).containsEntry("state", "DELIVERED");
    }

    @Test
    void shouldDisableAnAccountEndpointThatKeepsFailingLongerThanTheLimit() {
        UUID account = UUID.randomUUID();
        String receiver = receiver("failing");
        sandbox.callbackReceivers()
                .configure(
                        receiver, sandbox.callbackReceivers().settings(receiver).withRetryAfter("1"));
        sandbox.behaviour().failNext("callback", receiver, 10, 503);
        endpoint(account, new CallbackEndpointChanged(account, receiverUrl(receiver), List.of(), null, Instant.now()));
        FriendAdded friend = friend(account);

        publishAccountEvent(friend);

        awaitFinal(friend.eventId());
        assertThat((String) event(friend.eventId()).get("outcome"))
                .contains("endpoint disabled: failing without a success since");
        Map<String, Object> endpoint = jdbc.sql("select * from callback_endpoints where account_id = ?")
                .param(account)
                .query()
                .singleRow();
        assertThat(endpoint.get("disabled_at")).isNotNull();
        assertThat((String) endpoint.get("disabled_reason")).contains("longer than PT1.5S");
    }

    @Test
    void shouldShowEveryAttemptByShortCodeAndByAccountToTheAdminOnly() throws Exception {
        String receiver = receiver("api");
        sandbox.behaviour().failNext("callback", receiver, 1, 500);
        MessageCompleted completed = completed(UUID.randomUUID(), receiverUrl(receiver));
        publish(completed, completed.messageId());
        awaitFinal(completed.messageId());

        HttpResponse<String> byShortCode = get("/api/callback/attempts?shortCode=" + completed.messageId(), ADMIN_KEY);
        HttpResponse<String> byAccount =
                get("/api/callback/attempts?accountId=" + completed.accountId() + "&page=1&pageSize=10", ADMIN_KEY);
        HttpResponse<String> anonymous = get("/api/callback/attempts?shortCode=" + completed.messageId(), null);
        HttpResponse<String> badPage =
                get("/api/callback/attempts?accountId=" + completed.accountId() + "&pageSize=500", ADMIN_KEY);

        assertThat(byShortCode.statusCode()).isEqualTo(200);
        assertThat(byShortCode.body())
                .contains("\"code\":200")
                .contains("\"event\":\"message_complate\"")
                .contains("\"state\":\"DELIVERED\"")
                .contains("\"httpStatus\":500")
                .contains("\"httpStatus\":200")
                .contains("\"error\":\"receiver answered HTTP 500\"")
                .doesNotContain("SECRET");
        assertThat(byAccount.body()).contains("\"total\":1").contains(completed.messageId());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).isEqualTo("{\"code\":401,\"msg\":\"管理密钥无效\",\"data\":null}");
        assertThat(badPage.body()).isEqualTo("{\"code\":400,\"msg\":\"pageSize必须在1到50之间\",\"data\":null}");
    }

    private HttpResponse<String> get(String path, String adminKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (adminKey != null) {
            request.header("X-Admin-Key", adminKey);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String newSecret() {
        byte[] key = new byte[24];
        new java.security.SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private void endpoint(UUID account, String url, Instant changedAt, String secret) {
        endpoint(account, new CallbackEndpointChanged(account, url, List.of(SEALER.seal(secret)), null, changedAt));
    }

    private void endpoint(UUID account, CallbackEndpointChanged change) {
        publisher.publishAndWait(
                Topics.CALLBACK_ENDPOINTS,
                EventTypes.CALLBACK_ENDPOINT_CHANGED,
                account.toString(),
                UUID.randomUUID().toString(),
                change,
                Duration.ofSeconds(10));
        await().atMost(WAIT)
                .until(() -> jdbc.sql("select count(*) from callback_endpoints where account_id = ? and changed_at >= ?"
                                        + " and disabled_at is null")
                                .param(account)
                                .param(Timestamp.from(change.changedAt().minusMillis(1)))
                                .query(Long.class)
                                .single()
                        == 1);
    }

    private static FriendAdded friend(UUID account) {
        return new FriendAdded(
                "frd_" + UUID.randomUUID().toString().replace("-", ""),
                account,
                5,
                "5813c18bb0fa462789028312dae30224",
                "自定义参数",
                "",
                1,
                0,
                0,
                Instant.parse("2022-09-23T09:02:21Z"));
    }

    private void publishAccountEvent(TopicMemberAdded event) {
        publisher.publishAndWait(
                Topics.ACCOUNT_EVENTS,
                EventTypes.TOPIC_MEMBER_ADDED,
                event.accountId().toString(),
                event.eventId(),
                event,
                Duration.ofSeconds(10));
    }

    private void publishAccountEvent(FriendAdded event) {
        publisher.publishAndWait(
                Topics.ACCOUNT_EVENTS,
                EventTypes.FRIEND_ADDED,
                event.accountId().toString(),
                event.eventId(),
                event,
                Duration.ofSeconds(10));
    }

    private static MessageCompleted completed(UUID account, String callbackUrl) {
        String shortCode = UUID.randomUUID().toString().replace("-", "");
        return new MessageCompleted(shortCode, account, 2, "", 1, 0, callbackUrl, Instant.now());
    }

    private static String receiver(String name) {
        return name + "-" + UUID.randomUUID();
    }

    private static String receiverUrl(String receiver) {
        return sandbox.baseUrl() + "/callback/" + receiver + "?token=SECRET";
    }

    private void publish(MessageCompleted completed, String eventId) {
        publisher.publishAndWait(
                Topics.MESSAGES_COMPLETED,
                EventTypes.MESSAGE_COMPLETED,
                completed.messageId(),
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
