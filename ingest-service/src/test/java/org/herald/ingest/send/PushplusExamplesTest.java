package org.herald.ingest.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.ingest.audience.AudienceIntegrationTest.ok;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.events.topic.TopicDefinition;
import org.herald.events.topic.Topics;
import org.herald.ingest.IngestIntegrationTest;
import org.herald.ingest.KafkaProbe;
import org.herald.ingest.TestHttp;
import org.herald.sealing.SecretSealer;
import org.herald.transport.EventReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request examples of the pushplus documentation (pushplus-api.md §1, §1.4, §3, §4, §5), sent the
 * way a pushplus client sends them with only the host changed: each must be answered like pushplus
 * does and become the delivery requests the example implies.
 */
class PushplusExamplesTest extends IngestIntegrationTest {

    private static final String WECOM_ROBOT_URL =
            "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";

    private final EventReader reader = new EventReader();

    @Autowired
    SecretSealer sealer;

    @Test
    void shouldDeliverTheSimpleGetExampleToTheOwnerOnWechatWhenTheAccountHasNoDefault() {
        TestAccount owner = newAccount();
        contacts(owner, Map.of("openId", "oOwnerGet"));

        String shortCode = accepted(
                http().get("/send?token=" + owner.token() + "&title=" + url("标题") + "&content=" + url("内容<br/>第二行")));

        DeliveryRequested request = single(Topics.DELIVERIES_WECHAT, shortCode);
        assertThat(request.deliveryId()).isEqualTo(shortCode + "-wechat-self");
        assertThat(request.messageId()).isEqualTo(shortCode);
        assertThat(request.channel()).isEqualTo("wechat");
        assertThat(request.recipient().kind()).isEqualTo("self");
        assertThat(request.recipient().id()).isEqualTo(owner.accountId());
        assertThat(request.target().type()).isEqualTo("WECHAT_TEMPLATE");
        assertThat(request.target().configCode()).isNull();
        assertThat(sealer.open(request.target().sealedAddress())).isEqualTo("oOwnerGet");
        assertThat(request.title()).isEqualTo("标题");
        assertThat(request.content()).isEqualTo("内容<br/>第二行");
        assertThat(request.template()).isEqualTo("html");
        assertThat(request.pageUrl()).isEqualTo("http://herald.test/m/" + shortCode);
        assertThat(request.deadline()).isNull();
    }

    @Test
    void shouldDeliverTheSimpleGetExampleToTheAccountsDefaultWebhook() {
        TestAccount owner = newAccount(Map.of("name", "default", "defaultChannel", "webhook", "defaultOption", "dflt"));
        addWebhook(owner, "dflt", 7, "https://hiflow.tencent.com/api/hook/default");

        String shortCode =
                accepted(http().get("/send?token=" + owner.token() + "&title=" + url("标题") + "&content=" + url("内容")));

        DeliveryRequested request = single(Topics.DELIVERIES_WEBHOOK, shortCode);
        assertThat(request.deliveryId()).isEqualTo(shortCode + "-webhook-dflt");
        assertThat(request.channel()).isEqualTo("webhook");
        assertThat(request.recipient().kind()).isEqualTo("webhook");
        assertThat(request.recipient().id()).isEqualTo("dflt");
        assertThat(request.target().type()).isEqualTo("HIFLOW");
        assertThat(request.target().configCode()).isEqualTo("dflt");
        assertThat(sealer.open(request.target().sealedAddress()))
                .isEqualTo("https://hiflow.tencent.com/api/hook/default");
        assertThat(request.title()).isEqualTo("标题");
        assertThat(request.content()).isEqualTo("内容");
        assertThat(request.template()).isEqualTo("html");
    }

    @Test
    void shouldDeliverTheTopicExampleToEverySubscriber() {
        TestAccount owner = newAccount();
        String key = accessKey(owner);
        ok(openPost(key, "/api/open/topic/add", Map.of("topicCode", "ops", "topicName", "运维群")));
        long first = join(owner, "ops", Map.of("openId", "oMember1"));
        long second = join(owner, "ops", Map.of("openId", "oMember2"));

        String shortCode = accepted(http().postJson(
                        "/send",
                        Map.of(
                                "token", owner.token(),
                                "title", "群组消息",
                                "content", "服务器重启完成",
                                "topic", "ops",
                                "channel", "wechat",
                                "template", "html"),
                        Map.of()));

        List<DeliveryRequested> requests = requests(Topics.DELIVERIES_WECHAT, shortCode, 2);
        assertThat(requests)
                .extracting(r -> r.recipient().kind() + ":" + r.recipient().id())
                .containsExactlyInAnyOrder("topic-member:" + first, "topic-member:" + second);
        assertThat(requests)
                .extracting(r -> sealer.open(r.target().sealedAddress()))
                .containsExactlyInAnyOrder("oMember1", "oMember2");
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.deliveryId())
                    .isEqualTo(shortCode + "-wechat-m" + r.recipient().id());
            assertThat(r.channel()).isEqualTo("wechat");
            assertThat(r.target().type()).isEqualTo("WECHAT_TEMPLATE");
            assertThat(r.target().attributes()).containsEntry("source", "topic").containsEntry("topicCode", "ops");
            assertThat(r.title()).isEqualTo("群组消息");
            assertThat(r.content()).isEqualTo("服务器重启完成");
            assertThat(r.template()).isEqualTo("html");
        });
    }

    @Test
    void shouldLetTheTopicWinOverToAsTheRecipientRulesSay() {
        TestAccount owner = newAccount();
        ok(openPost(accessKey(owner), "/api/open/topic/add", Map.of("topicCode", "wins", "topicName", "优先")));
        long member = join(owner, "wins", Map.of("openId", "oMemberWins"));
        String friend = ok(admin(
                        "POST",
                        "/api/admin/accounts/" + owner.accountId() + "/friends",
                        Map.of("openId", "oFriendIgnored")))
                .get("token")
                .asString();

        String shortCode = accepted(http().postJson(
                        "/send",
                        Map.of(
                                "token", owner.token(),
                                "title", "群组优先",
                                "content", "topic与to同时给出",
                                "topic", "wins",
                                "to", friend),
                        Map.of()));

        DeliveryRequested request = single(Topics.DELIVERIES_WECHAT, shortCode);
        assertThat(request.recipient().kind()).isEqualTo("topic-member");
        assertThat(request.recipient().id()).isEqualTo(String.valueOf(member));
    }

    @Test
    void shouldCarryJsonTemplateContentAsWrittenIncludingTheSingleQuotedPseudoJsonOfTheDocs() {
        TestAccount owner = newAccount();
        contacts(owner, Map.of("openId", "oOwnerJson"));
        String pseudo = "{'name':'名称','value':'值'}";
        String strict = "{\"name\":\"名称\",\"value\":\"值\"}";

        String pseudoCode = accepted(http().postJson(
                        "/send",
                        Map.of("token", owner.token(), "title", "json模板", "content", pseudo, "template", "json"),
                        Map.of()));
        String strictCode = accepted(http().postJson(
                        "/send",
                        Map.of("token", owner.token(), "title", "json模板", "content", strict, "template", "json"),
                        Map.of()));

        DeliveryRequested fromPseudo = single(Topics.DELIVERIES_WECHAT, pseudoCode);
        DeliveryRequested fromStrict = single(Topics.DELIVERIES_WECHAT, strictCode);
        assertThat(fromPseudo.content()).isEqualTo(pseudo);
        assertThat(fromStrict.content()).isEqualTo(strict);
        assertThat(List.of(fromPseudo, fromStrict)).allSatisfy(r -> {
            assertThat(r.template()).isEqualTo("json");
            assertThat(r.title()).isEqualTo("json模板");
            assertThat(r.recipient().kind()).isEqualTo("self");
        });
    }

    @Test
    void shouldTakeTheWholeBodyAsContentWhenTheTemplateIsInTheWebhookUrl() {
        TestAccount owner = newAccount();
        addWebhook(owner, "alert", 7, "https://hiflow.tencent.com/api/hook/alert");
        // What a monitoring system posts to the URL it was configured with: its own JSON, not pushplus fields.
        String body = "{\"alertName\":\"CPU使用率\",\"curValue\":\"95\",\"title\":\"来自body\",\"token\":\"not-a-token\"}";

        String shortCode = accepted(http().send(
                        "POST",
                        "/send?token=" + owner.token() + "&channel=webhook&webhook=alert&template=json",
                        "application/json",
                        body,
                        Map.of()));

        DeliveryRequested request = single(Topics.DELIVERIES_WEBHOOK, shortCode);
        assertThat(request.deliveryId()).isEqualTo(shortCode + "-webhook-alert");
        assertThat(request.recipient().kind()).isEqualTo("webhook");
        assertThat(request.recipient().id()).isEqualTo("alert");
        assertThat(request.target().type()).isEqualTo("HIFLOW");
        assertThat(request.target().configCode()).isEqualTo("alert");
        assertThat(request.content()).isEqualTo(body);
        assertThat(request.template()).isEqualTo("json");
        // Decision 6: the body's top-level title fills a gap the URL leaves.
        assertThat(request.title()).isEqualTo("来自body");
    }

    @Test
    void shouldCarryMarkdownTemplateContentAsWritten() {
        TestAccount owner = newAccount();
        contacts(owner, Map.of("openId", "oOwnerMd"));
        String markdown = "# 标题\n**加粗** 文本  \n- 列表一\n- 列表二<br/>[链接](https://www.pushplus.plus)";

        String shortCode = accepted(http().postJson(
                        "/send",
                        Map.of(
                                "token",
                                owner.token(),
                                "title",
                                "markdown模板",
                                "content",
                                markdown,
                                "template",
                                "markdown"),
                        Map.of()));

        DeliveryRequested request = single(Topics.DELIVERIES_WECHAT, shortCode);
        assertThat(request.content()).isEqualTo(markdown);
        assertThat(request.template()).isEqualTo("markdown");
        assertThat(request.title()).isEqualTo("markdown模板");
    }

    @Test
    void shouldDeliverToAWeComRobotWebhook() {
        TestAccount owner = newAccount();
        addWebhook(owner, "wxbot", 1, WECOM_ROBOT_URL);

        String shortCode = accepted(http().postJson(
                        "/send",
                        Map.of(
                                "token", owner.token(),
                                "title", "企业微信机器人",
                                "content", "构建完成",
                                "channel", "webhook",
                                "webhook", "wxbot"),
                        Map.of()));

        DeliveryRequested request = single(Topics.DELIVERIES_WEBHOOK, shortCode);
        assertThat(request.channel()).isEqualTo("webhook");
        assertThat(request.recipient().kind()).isEqualTo("webhook");
        assertThat(request.recipient().id()).isEqualTo("wxbot");
        assertThat(request.target().type()).isEqualTo("WECOM_ROBOT");
        assertThat(request.target().configCode()).isEqualTo("wxbot");
        assertThat(sealer.open(request.target().sealedAddress())).isEqualTo(WECOM_ROBOT_URL);
        assertThat(request.title()).isEqualTo("企业微信机器人");
        assertThat(request.content()).isEqualTo("构建完成");
        assertThat(request.template()).isEqualTo("html");
    }

    @Test
    void shouldDeliverTheWeComAppExampleToEveryNamedWeComUser() {
        TestAccount owner = newAccount();
        ok(openPost(
                accessKey(owner),
                "/api/open/cp/add",
                Map.of(
                        "cpCode", "cpops",
                        "cpName", "运维应用",
                        "corpId", "ww0123456789abcdef",
                        "agentId", "1000002",
                        "secret", "cp-secret-0123456789",
                        "proxy", "https://proxy.example.com/wecom")));

        String shortCode = accepted(http().postJson(
                        "/send",
                        Map.of(
                                "token", owner.token(),
                                "title", "企业微信应用",
                                "content", "审批已通过",
                                "channel", "cp",
                                "webhook", "cpops",
                                "to", "ZhangSan,LiSi"),
                        Map.of()));

        List<DeliveryRequested> requests = requests(Topics.DELIVERIES_CP, shortCode, 2);
        assertThat(requests)
                .extracting(DeliveryRequested::deliveryId)
                .containsExactlyInAnyOrder(shortCode + "-cp-uZhangSan", shortCode + "-cp-uLiSi");
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.channel()).isEqualTo("cp");
            assertThat(r.recipient().kind()).isEqualTo("wecom-user");
            assertThat(sealer.open(r.target().sealedAddress()))
                    .isEqualTo(r.recipient().id());
            assertThat(r.target().type()).isEqualTo("WECOM_APP");
            assertThat(r.target().configCode()).isEqualTo("cpops");
            assertThat(r.title()).isEqualTo("企业微信应用");
            assertThat(r.content()).isEqualTo("审批已通过");
        });
    }

    @Test
    void shouldCarryAFutureTimestampAsTheDeadlineAndRefuseOneInThePast() {
        TestAccount owner = newAccount();
        contacts(owner, Map.of("openId", "oOwnerTs"));
        long future = System.currentTimeMillis() + Duration.ofHours(1).toMillis();

        String shortCode = accepted(http().postJson(
                        "/send",
                        Map.of("token", owner.token(), "title", "定时", "content", "一小时内有效", "timestamp", future),
                        Map.of()));
        assertThat(single(Topics.DELIVERIES_WECHAT, shortCode).deadline()).isEqualTo(Instant.ofEpochMilli(future));

        TestHttp.Response past = http().postJson(
                        "/send",
                        Map.of("token", owner.token(), "title", "定时", "content", "已过期", "timestamp", 1632993318000L),
                        Map.of());
        assertThat(past.status()).isEqualTo(200);
        JsonNode body = past.json();
        assertThat(body.get("code").asInt()).as(past.body()).isEqualTo(999);
        assertThat(body.get("msg").asString()).isEqualTo("消息已过期: timestamp早于服务器当前时间");
        assertThat(body.get("data").isNull()).isTrue();
    }

    @Test
    void shouldDeliverTheToExampleToTheFriend() {
        TestAccount owner = newAccount();
        String friend = ok(admin(
                        "POST",
                        "/api/admin/accounts/" + owner.accountId() + "/friends",
                        Map.of("openId", "oFriendTo", "nickName", "好友")))
                .get("token")
                .asString();

        String shortCode = accepted(http().postJson(
                        "/send",
                        Map.of(
                                "token", owner.token(),
                                "title", "好友消息",
                                "content", "你好",
                                "channel", "wechat",
                                "to", friend),
                        Map.of()));

        DeliveryRequested request = single(Topics.DELIVERIES_WECHAT, shortCode);
        assertThat(request.deliveryId()).isEqualTo(shortCode + "-wechat-f" + friend);
        assertThat(request.recipient().kind()).isEqualTo("friend");
        assertThat(request.recipient().id()).isEqualTo(friend);
        assertThat(sealer.open(request.target().sealedAddress())).isEqualTo("oFriendTo");
        assertThat(request.target().attributes()).containsEntry("source", "friend");
        assertThat(request.title()).isEqualTo("好友消息");
        assertThat(request.content()).isEqualTo("你好");
    }

    @Test
    void shouldDeliverTheMailExampleToTheOwnersEmailThroughTheMailConfig() {
        TestAccount owner = newAccount();
        contacts(owner, Map.of("email", "owner@example.com"));
        ok(openPost(
                accessKey(owner),
                "/api/open/mail/add",
                Map.of(
                        "mailCode", "qqmail",
                        "mailName", "QQ邮箱",
                        "account", "sender@qq.com",
                        "password", "mail-auth-code-0123",
                        "smtpServer", "smtp.qq.com",
                        "smtpPort", "465",
                        "smtpSsl", true)));

        String shortCode = accepted(http().postJson(
                        "/send",
                        Map.of(
                                "token", owner.token(),
                                "title", "邮件标题",
                                "content", "<b>邮件内容</b>",
                                "channel", "mail",
                                "webhook", "qqmail"),
                        Map.of()));

        DeliveryRequested request = single(Topics.DELIVERIES_MAIL, shortCode);
        assertThat(request.deliveryId()).isEqualTo(shortCode + "-mail-self");
        assertThat(request.channel()).isEqualTo("mail");
        assertThat(request.recipient().kind()).isEqualTo("self");
        assertThat(request.recipient().id()).isEqualTo(owner.accountId());
        assertThat(request.target().type()).isEqualTo("MAIL");
        assertThat(request.target().configCode()).isEqualTo("qqmail");
        assertThat(sealer.open(request.target().sealedAddress())).isEqualTo("owner@example.com");
        assertThat(request.title()).isEqualTo("邮件标题");
        assertThat(request.content()).isEqualTo("<b>邮件内容</b>");
        assertThat(request.template()).isEqualTo("html");
    }

    @Test
    void shouldDeliverTheSmsExampleToTheOwnersPhone() {
        TestAccount owner = newAccount();
        contacts(owner, Map.of("phone", "+8613800138000"));

        String shortCode = accepted(http().postJson(
                        "/send",
                        Map.of("token", owner.token(), "title", "短信标题", "content", "短信内容", "channel", "sms"),
                        Map.of()));

        DeliveryRequested request = single(Topics.DELIVERIES_SMS, shortCode);
        assertThat(request.deliveryId()).isEqualTo(shortCode + "-sms-self");
        assertThat(request.channel()).isEqualTo("sms");
        assertThat(request.recipient().kind()).isEqualTo("self");
        assertThat(request.recipient().id()).isEqualTo(owner.accountId());
        assertThat(request.target().type()).isEqualTo("SMS");
        assertThat(sealer.open(request.target().sealedAddress())).isEqualTo("+8613800138000");
        assertThat(request.title()).isEqualTo("短信标题");
        assertThat(request.content()).isEqualTo("短信内容");
    }

    /** Asserts the documented success answer and returns its shortCode. */
    private static String accepted(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("code").asInt()).as(response.body()).isEqualTo(200);
        assertThat(body.get("msg").asString()).isEqualTo("请求成功");
        String shortCode = body.get("data").asString();
        assertThat(shortCode).matches("[0-9a-f]{32}");
        return shortCode;
    }

    private DeliveryRequested single(TopicDefinition<DeliveryRequested> topic, String shortCode) {
        return requests(topic, shortCode, 1).get(0);
    }

    /** Waits for the message's delivery requests on the channel's topic and checks there are exactly that many. */
    private List<DeliveryRequested> requests(TopicDefinition<DeliveryRequested> topic, String shortCode, int expected) {
        List<ConsumerRecord<String, byte[]>> records = Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> KafkaProbe.readAll(topic.name()).stream()
                                .filter(r -> KafkaProbe.header(r, "ce_id").startsWith(shortCode + "-"))
                                .toList(),
                        found -> found.size() >= expected);
        assertThat(records).hasSize(expected);
        return records.stream()
                .map(r -> reader.read(topic, r).data())
                .sorted(Comparator.comparing(DeliveryRequested::deliveryId))
                .collect(Collectors.toList());
    }

    private void contacts(TestAccount owner, Map<String, Object> contacts) {
        ok(admin("PUT", "/api/admin/accounts/" + owner.accountId() + "/contacts", contacts));
    }

    private long join(TestAccount owner, String topicCode, Map<String, Object> person) {
        return ok(admin(
                        "POST",
                        "/api/admin/accounts/" + owner.accountId() + "/topics/" + topicCode + "/subscribers",
                        person))
                .get("topicRelationId")
                .asLong();
    }

    private String accessKey(TestAccount account) {
        return ok(http().postJson(
                                "/api/common/openApi/getAccessKey",
                                Map.of("token", account.token(), "secretKey", account.secretKey()),
                                Map.of())
                        .json())
                .get("accessKey")
                .asString();
    }

    private JsonNode openPost(String key, String path, Object body) {
        return http().postJson(path, body, Map.of("access-key", key)).json();
    }

    private JsonNode admin(String method, String path, Object body) {
        return http().send(
                        method,
                        path,
                        "application/json",
                        JsonMapper.builder().build().writeValueAsString(body),
                        Map.of("X-Admin-Key", ADMIN_KEY))
                .json();
    }

    private static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
