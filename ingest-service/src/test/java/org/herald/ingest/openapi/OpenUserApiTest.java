package org.herald.ingest.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.herald.events.callback.CallbackEndpointChanged;
import org.herald.events.topic.Topics;
import org.herald.ingest.KafkaProbe;
import org.herald.ingest.account.AccountRepository;
import org.herald.transport.EventJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class OpenUserApiTest extends OpenApiIntegrationTest {

    @Autowired
    AccountRepository accounts;

    @Test
    void shouldShowTheAccountWithoutItsToken() {
        TestAccount account = newAccount(Map.of("name", "alice"));
        String key = accessKey(account);

        JsonNode info = ok(get(key, "/api/open/user/myInfo"));
        JsonNode limit = ok(get(key, "/api/open/user/userLimitTime"));

        assertThat(info.get("nickName").asString()).isEqualTo("alice");
        assertThat(info.get("token").asString()).isEmpty();
        assertThat(info.toString()).doesNotContain(account.token());
        assertThat(info.get("verifyStatus").asInt()).isEqualTo(1);
        assertThat(limit.get("sendLimit").asInt()).isEqualTo(1);
    }

    @Test
    void shouldCountTodaysMessagesPerChannel() {
        TestAccount account = newAccount();
        storedMessage(account, "a", 1);
        storedMessage(account, "b", 2);
        storedMessage(account, "two days ago", 2 * 24 * 3600);
        String key = accessKey(account);

        JsonNode counts = ok(get(key, "/api/open/user/sendCount"));

        assertThat(counts.get("webhookSendCount").asLong()).isEqualTo(2);
        assertThat(counts.get("wechatSendCount").asLong()).isZero();
        assertThat(counts.get("cpSendCount").asLong()).isZero();
        assertThat(counts.get("mailSendCount").asLong()).isZero();
    }

    @Test
    void shouldChangeTheDefaultChannelOnlyToAnExistingConfiguration() {
        TestAccount account = newAccount();
        addWebhook(account, "flow1", 7, "https://hiflow.tencent.com/api/hook/1");
        String key = accessKey(account);

        refused(
                post(
                        key,
                        "/api/open/setting/changeDefaultChannel",
                        Map.of("defaultChannel", "webhook", "defaultWebhook", "nope")),
                "webhook配置不存在: nope");
        refused(post(key, "/api/open/setting/changeDefaultChannel", Map.of("defaultChannel", "fax")), "不支持的渠道: fax");
        ok(post(
                key,
                "/api/open/setting/changeDefaultChannel",
                Map.of("defaultChannel", "webhook", "defaultWebhook", "flow1")));

        JsonNode settings = ok(get(key, "/api/open/setting/getUserSettings"));
        assertThat(settings.get("defaultChannel").asString()).isEqualTo("webhook");
        assertThat(settings.get("defaultChannelTxt").asString()).isEqualTo("第三方webhook");
        assertThat(settings.get("defaultWebhook").asString()).isEqualTo("flow1");
        var stored = accounts.findById(UUID.fromString(account.accountId())).orElseThrow();
        assertThat(stored.defaultChannel()).isEqualTo("webhook");
        assertThat(stored.defaultOption()).isEqualTo("flow1");
    }

    @Test
    void shouldSetTheCallbackUrlAndTellCallbackService() {
        TestAccount account = newAccount();
        String key = accessKey(account);

        JsonNode data =
                ok(post(key, "/api/open/setting/changeCallbackUrl", Map.of("callbackUrl", "https://example.com/cb")));

        assertThat(data.get("callbackUrl").asString()).isEqualTo("https://example.com/cb");
        assertThat(ok(get(key, "/api/open/setting/getUserSettings"))
                        .get("callbackUrl")
                        .asString())
                .isEqualTo("https://example.com/cb");
        var published = KafkaProbe.withKey(Topics.CALLBACK_ENDPOINTS.name(), account.accountId());
        assertThat(published).isNotEmpty();
        CallbackEndpointChanged last = EventJson.mapper()
                .readValue(published.get(published.size() - 1).value(), CallbackEndpointChanged.class);
        assertThat(last.callbackUrl()).isEqualTo("https://example.com/cb");
        refused(
                post(key, "/api/open/setting/changeCallbackUrl", Map.of("callbackUrl", "ftp://x")),
                "callbackUrl必须是http或https地址");
    }
}
