package org.herald.ingest.send;

import static org.assertj.core.api.Assertions.assertThat;

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

/** /batchSend, the template-in-URL rule and the same-content limit, against the running service. */
class BatchSendApiTest extends IngestIntegrationTest {

    private final EventReader reader = new EventReader();

    private TestAccount account;
    private String nonce;

    @BeforeEach
    void account() {
        account = newAccount(Map.of("name", "batch"));
        addWebhook(account, "flow1", 7, "https://hiflow.tencent.com/api/hook/abc123");
        addWebhook(account, "flow2", 9, "https://jijyun.cn/hook/xyz");
        nonce = UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void shouldPublishOneMessagePerChannelAndAnswerEachAsDocumented() {
        TestHttp.Response response = http().postJson(
                        "/batchSend",
                        Map.of(
                                "token", account.token(),
                                "title", "批量",
                                "content", nonce,
                                "channel", "webhook,pigeon,webhook",
                                "option", "flow1,,flow2"),
                        Map.of());

        JsonNode body = response.json();
        assertThat(body.get("code").asInt()).as(response.body()).isEqualTo(200);
        assertThat(body.get("msg").asString()).isEqualTo("执行成功");
        JsonNode data = body.get("data");
        assertThat(data).hasSize(3);
        assertThat(data.get(0).get("code").asInt()).isEqualTo(200);
        assertThat(data.get(0).get("message").asString()).isEqualTo("请求成功，请用流水号查询最终发送结果");
        assertThat(data.get(0).get("channel").asString()).isEqualTo("webhook");
        assertThat(data.get(1).get("code").asInt()).isEqualTo(999);
        assertThat(data.get(1).get("message").asString())
                .isEqualTo("不支持的渠道: pigeon（可选: wechat, webhook, cp, mail, sms）");
        assertThat(data.get(1).get("shortCode").isNull()).isTrue();
        assertThat(data.get(1).get("channel").asString()).isEqualTo("pigeon");
        assertThat(data.get(2).get("code").asInt()).isEqualTo(200);

        MessageAccepted first = accepted(data.get(0).get("shortCode").asString());
        MessageAccepted third = accepted(data.get(2).get("shortCode").asString());
        assertThat(first.option()).isEqualTo("flow1");
        assertThat(third.option()).isEqualTo("flow2");
        assertThat(first.content()).isEqualTo(nonce);
        assertThat(third.title()).isEqualTo("批量");
        assertThat(KafkaProbe.readAll(Topics.MESSAGES.name()))
                .filteredOn(record -> KafkaProbe.value(record).contains(nonce))
                .hasSize(2);
    }

    @Test
    void shouldTakeTheTokenFromThePathAndTheAccountsDefaultChannelWhenNoneIsNamed() {
        TestAccount withDefault =
                newAccount(Map.of("name", "batch-default", "defaultChannel", "webhook", "defaultOption", "dflt"));
        addWebhook(withDefault, "dflt", 9, "https://jijyun.cn/hook/xyz");

        TestHttp.Response response = http().get("/batchSend/" + withDefault.token() + "?content=" + nonce);

        JsonNode data = response.json().get("data");
        assertThat(data).as(response.body()).hasSize(1);
        assertThat(data.get(0).get("channel").asString()).isEqualTo("webhook");
        assertThat(accepted(data.get(0).get("shortCode").asString()).option()).isEqualTo("dflt");
    }

    @Test
    void shouldTakeTheWholeBodyAsContentWhenTheUrlNamesTheTemplate() {
        String alarm = "{\"alertName\":\"CPU " + nonce + "\",\"alertState\":\"ALERT\",\"timestamp\":\"1508136760\"}";

        TestHttp.Response response = http().send(
                        "POST",
                        "/send/" + account.token() + "?template=cloudMonitor&channel=webhook&webhook=flow1",
                        "application/json",
                        alarm,
                        Map.of());

        JsonNode body = response.json();
        assertThat(body.get("code").asInt()).as(response.body()).isEqualTo(200);
        MessageAccepted accepted = accepted(body.get("data").asString());
        assertThat(accepted.content()).isEqualTo(alarm);
        assertThat(accepted.template()).isEqualTo("cloudMonitor");
        assertThat(accepted.deadline()).isNull();
    }

    @Test
    void shouldRefuseTheFourthCopyWithinTheHourWith900AndCountOnlyAcceptedOnes() {
        Map<String, Object> same =
                Map.of("token", account.token(), "content", nonce, "channel", "webhook", "webhook", "flow1");
        // A refused copy (expired) does not count.
        TestHttp.Response expired = http().postJson("/send", withTimestamp(same, 1L), Map.of());
        assertThat(expired.json().get("code").asInt()).isEqualTo(999);
        for (int i = 0; i < 3; i++) {
            sendAccepted(same);
        }

        TestHttp.Response fourth = http().postJson("/send", same, Map.of());

        assertThat(fourth.status()).isEqualTo(200);
        assertThat(fourth.json().get("code").asInt()).as(fourth.body()).isEqualTo(900);
        assertThat(fourth.json().get("msg").asString()).isEqualTo("相同内容1小时内最多发送3次，请勿重复发送");
        assertThat(KafkaProbe.readAll(Topics.MESSAGES.name()))
                .filteredOn(record -> KafkaProbe.value(record).contains(nonce))
                .hasSize(3);
        // Another title is another message.
        Map<String, Object> retitled = new java.util.HashMap<>(same);
        retitled.put("title", "v2");
        sendAccepted(retitled);
    }

    private static Map<String, Object> withTimestamp(Map<String, Object> fields, long timestamp) {
        Map<String, Object> copy = new java.util.HashMap<>(fields);
        copy.put("timestamp", timestamp);
        return copy;
    }

    private MessageAccepted accepted(String shortCode) {
        List<ConsumerRecord<String, byte[]>> records = KafkaProbe.withKey(Topics.MESSAGES.name(), shortCode);
        assertThat(records).hasSize(1);
        return reader.read(Topics.MESSAGES, records.get(0)).data();
    }
}
