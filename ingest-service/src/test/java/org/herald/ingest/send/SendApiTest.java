package org.herald.ingest.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.herald.events.message.MessageAccepted;
import org.herald.events.topic.Topics;
import org.herald.ingest.IngestIntegrationTest;
import org.herald.ingest.KafkaProbe;
import org.herald.ingest.TestHttp;
import org.herald.transport.EventReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SendApiTest extends IngestIntegrationTest {

    private final EventReader reader = new EventReader();

    private TestAccount account;
    private String nonce;

    @BeforeEach
    void account() {
        account = newAccount(Map.of("name", "send-api", "callbackUrl", "https://example.com/account-callback"));
        addWebhook(account, "flow1", 7, "https://hiflow.tencent.com/api/hook/abc123");
        nonce = UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void shouldAnswerTheShortCodeOnlyOnceMessageAcceptedIsOnTheBroker() {
        TestHttp.Response response = http().postJson(
                        "/send",
                        Map.of(
                                "token", account.token(),
                                "title", "构建完成",
                                "content", "<b>main</b> " + nonce,
                                "channel", "webhook",
                                "webhook", "flow1",
                                "callbackUrl", "https://example.com/cb"),
                        Map.of());

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("code").asInt()).isEqualTo(200);
        assertThat(body.get("msg").asString()).isEqualTo("请求成功");
        String shortCode = body.get("data").asString();
        assertThat(shortCode).matches("[0-9a-f]{32}");

        List<ConsumerRecord<String, byte[]>> records = KafkaProbe.withKey(Topics.MESSAGES.name(), shortCode);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.get(0);
        assertThat(KafkaProbe.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaProbe.header(record, "ce_id")).isEqualTo(shortCode);
        assertThat(KafkaProbe.header(record, "ce_type")).isEqualTo("org.herald.message.accepted.v1");
        assertThat(KafkaProbe.header(record, "ce_source")).isEqualTo("/herald/ingest-service");
        assertThat(KafkaProbe.header(record, "ce_time")).isNotBlank();
        assertThat(KafkaProbe.header(record, "content-type")).isEqualTo("application/json");

        MessageAccepted accepted = reader.read(Topics.MESSAGES, record).data();
        assertThat(accepted.messageId()).isEqualTo(shortCode);
        assertThat(accepted.accountId()).hasToString(account.accountId());
        assertThat(accepted.channel()).isEqualTo("webhook");
        assertThat(accepted.option()).isEqualTo("flow1");
        assertThat(accepted.template()).isEqualTo("html");
        assertThat(accepted.title()).isEqualTo("构建完成");
        assertThat(accepted.content()).isEqualTo("<b>main</b> " + nonce);
        assertThat(accepted.callbackUrl()).isEqualTo("https://example.com/cb");
        assertThat(KafkaProbe.value(record)).doesNotContain(account.token());
    }

    @Test
    void shouldKeepEachAcceptedMessagesKeyButFillOnePartitionAtATime() {
        List<String> shortCodes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            TestHttp.Response response = http().postJson(
                            "/send",
                            Map.of(
                                    "token",
                                    account.token(),
                                    "content",
                                    "batch " + i + " " + nonce,
                                    "channel",
                                    "webhook",
                                    "webhook",
                                    "flow1"),
                            Map.of());
            shortCodes.add(response.json().get("data").asString());
        }

        List<ConsumerRecord<String, byte[]>> records = KafkaProbe.readAll(Topics.MESSAGES.name()).stream()
                .filter(r -> shortCodes.contains(r.key()))
                .toList();
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(shortCodes);
        // Placed by their keys, eight messages would land on about six of the twelve partitions. The
        // sticky partitioner moves to another partition only after a batch's worth of bytes (16 KB),
        // so these few kilobytes take one partition, or two when they straddle that point.
        assertThat(records.stream().map(ConsumerRecord::partition).distinct()).hasSizeBetween(1, 2);
    }

    @Test
    void shouldAcceptAFormBodyPostedOrPut() {
        for (String method : new String[] {"POST", "PUT"}) {
            String form = "token=" + account.token() + "&title=" + enc("表单 标题") + "&content=" + enc("a+b & c " + nonce)
                    + "&channel=webhook&option=flow1";

            TestHttp.Response response =
                    http().send(method, "/send", "application/x-www-form-urlencoded", form, Map.of());

            MessageAccepted accepted = acceptedFrom(response);
            assertThat(accepted.title()).isEqualTo("表单 标题");
            assertThat(accepted.content()).isEqualTo("a+b & c " + nonce);
            assertThat(accepted.option()).isEqualTo("flow1");
        }
    }

    @Test
    void shouldAcceptParametersInTheQueryOfAGet() {
        TestHttp.Response response = http().get("/send/?token=" + account.token() + "&title=" + enc("查询") + "&content="
                + enc("内容 " + nonce) + "&channel=webhook&webhook=flow1&template=TXT");

        MessageAccepted accepted = acceptedFrom(response);
        assertThat(accepted.title()).isEqualTo("查询");
        assertThat(accepted.content()).isEqualTo("内容 " + nonce);
        assertThat(accepted.template()).isEqualTo("txt");
    }

    @Test
    void shouldTakeTheTokenFromThePathAndPreferTheBodyOverTheQuery() {
        TestHttp.Response response = http().send(
                        "PUT",
                        "/send/" + account.token() + "?title=fromQuery&channel=webhook&webhook=flow1",
                        "application/json",
                        "{\"title\":\"fromBody\",\"content\":\"" + nonce + "\"}",
                        Map.of());

        MessageAccepted accepted = acceptedFrom(response);
        assertThat(accepted.title()).isEqualTo("fromBody");
        assertThat(accepted.content()).isEqualTo(nonce);
    }

    @Test
    void shouldUseTheAccountsDefaultChannelAndOptionWhenTheRequestNamesNoChannel() {
        TestAccount withDefault =
                newAccount(Map.of("name", "defaults", "defaultChannel", "webhook", "defaultOption", "dflt"));
        addWebhook(withDefault, "dflt", 9, "https://jijyun.cn/hook/xyz");

        TestHttp.Response response =
                http().send("DELETE", "/send/" + withDefault.token() + "?content=" + enc(nonce), null, null, Map.of());

        MessageAccepted accepted = acceptedFrom(response);
        assertThat(accepted.channel()).isEqualTo("webhook");
        assertThat(accepted.option()).isEqualTo("dflt");
    }

    @Test
    void shouldRefuseAnUnknownTokenWith903AndPublishNothing() {
        assertRefused(json(Map.of("token", "0123456789abcdef0123456789abcdef", "content", nonce)), 903, "无效的用户token");
    }

    @Test
    void shouldRefuseAMissingContent() {
        assertRefused(json(Map.of("token", account.token(), "title", nonce)), 999, "内容不能为空");
    }

    @Test
    void shouldRefuseAnUnknownChannel() {
        assertRefused(
                json(Map.of("token", account.token(), "content", nonce, "channel", "pigeon")),
                999,
                "不支持的渠道: pigeon（可选: wechat, webhook, cp, mail, sms）");
    }

    @Test
    void shouldRefuseAWebhookChannelWithoutCode() {
        assertRefused(
                json(Map.of("token", account.token(), "content", nonce, "channel", "webhook")),
                999,
                "webhook渠道需要webhook参数（webhook配置编码）");
    }

    @Test
    void shouldRefuseAnUnknownWebhookCode() {
        assertRefused(
                json(Map.of("token", account.token(), "content", nonce, "channel", "webhook", "webhook", "nope")),
                999,
                "webhook配置不存在: nope");
    }

    @Test
    void shouldRefuseATimestampInThePast() {
        assertRefused(
                json(Map.of(
                        "token",
                        account.token(),
                        "content",
                        nonce,
                        "channel",
                        "webhook",
                        "webhook",
                        "flow1",
                        "timestamp",
                        Instant.now().minusSeconds(60).toEpochMilli())),
                999,
                "消息已过期: timestamp早于服务器当前时间");
    }

    @Test
    void shouldRefuseACallbackUrlThatIsNotHttp() {
        assertRefused(
                json(Map.of(
                        "token", account.token(),
                        "content", nonce,
                        "channel", "webhook",
                        "webhook", "flow1",
                        "callbackUrl", "file:///etc/passwd")),
                999,
                "callbackUrl必须是http或https地址");
    }

    @Test
    void shouldRefuseMalformedJsonWithAClearMessage() {
        TestHttp.Response response = http().send(
                        "POST",
                        "/send",
                        "application/json",
                        "{\"token\":\"" + account.token() + "\",\"content\":\"" + nonce + "\"",
                        Map.of());

        assertEnvelope(response, 999, "请求体不是合法的JSON（第1行第89列附近）");
        assertNothingPublished();
    }

    @Test
    void shouldRefuseAnUnsupportedContentType() {
        TestHttp.Response response =
                http().send("POST", "/send", "application/xml", "<token>" + nonce + "</token>", Map.of());

        assertEnvelope(
                response,
                999,
                "不支持的Content-Type: application/xml，请使用application/json或application/x-www-form-urlencoded");
        assertNothingPublished();
    }

    @Test
    void shouldAnswerAnUnsupportedMethodAndAnUnknownPathInTheEnvelope() {
        TestHttp.Response patch = http().send("PATCH", "/send", "application/json", "{}", Map.of());
        assertThat(patch.status()).isEqualTo(405);
        assertThat(patch.json().get("code").asInt()).isEqualTo(405);
        assertThat(patch.json().has("data")).isTrue();

        TestHttp.Response unknown = http().get("/no/such/path");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"code\":404,\"msg\":\"接口不存在\",\"data\":null}");

        TestHttp.Response error = http().get("/error");
        assertThat(error.json().get("code").asInt()).isEqualTo(404);
        assertThat(error.body()).doesNotContain("timestamp").doesNotContain("trace");
    }

    private MessageAccepted acceptedFrom(TestHttp.Response response) {
        JsonNode body = response.json();
        assertThat(body.get("code").asInt()).as(response.body()).isEqualTo(200);
        String shortCode = body.get("data").asString();
        List<ConsumerRecord<String, byte[]>> records = KafkaProbe.withKey(Topics.MESSAGES.name(), shortCode);
        assertThat(records).hasSize(1);
        return reader.read(Topics.MESSAGES, records.get(0)).data();
    }

    private String json(Map<String, Object> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(name).append("\":");
            json.append(value instanceof Number ? value.toString() : "\"" + value + "\"");
        });
        return json.append('}').toString();
    }

    private void assertRefused(String jsonBody, int code, String msg) {
        TestHttp.Response response = http().send("POST", "/send", "application/json", jsonBody, Map.of());
        assertEnvelope(response, code, msg);
        assertNothingPublished();
    }

    private static void assertEnvelope(TestHttp.Response response, int code, String msg) {
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("code").asInt()).as(response.body()).isEqualTo(code);
        assertThat(body.get("msg").asString()).isEqualTo(msg);
        assertThat(body.has("data")).isTrue();
        assertThat(body.get("data").isNull()).isTrue();
    }

    /** The request was answered after any publish would have been acked, so the topic is complete. */
    private void assertNothingPublished() {
        assertThat(KafkaProbe.readAll(Topics.MESSAGES.name()))
                .noneMatch(record -> KafkaProbe.value(record).contains(nonce));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
