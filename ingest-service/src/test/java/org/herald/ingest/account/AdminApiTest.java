package org.herald.ingest.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.herald.ingest.IngestIntegrationTest;
import org.herald.ingest.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class AdminApiTest extends IngestIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldRefuseAWrongOrMissingAdminKeyWith401() {
        TestHttp.Response wrong =
                http().postJson("/api/admin/accounts", Map.of("name", "x"), Map.of("X-Admin-Key", "guess"));
        TestHttp.Response missing = http().postJson("/api/admin/accounts", Map.of("name", "x"), Map.of());

        for (TestHttp.Response response : new TestHttp.Response[] {wrong, missing}) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"code\":401,\"msg\":\"管理密钥无效\",\"data\":null}");
        }
        assertThat(jdbc.sql("select count(*) from accounts where name = 'x'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void shouldCreateAnAccountWhoseTokenAndSecretAreStoredOnlyHashed() {
        TestAccount account = newAccount(Map.of("name", "hashed"));

        assertThat(account.token()).matches("[0-9a-f]{32}");
        assertThat(account.secretKey()).hasSizeGreaterThanOrEqualTo(32);
        Map<String, Object> row =
                jdbc.sql("select * from accounts where name = 'hashed'").query().singleRow();
        assertThat(row.get("token_hash")).isEqualTo(Credentials.hash(account.token()));
        assertThat(row.values())
                .noneMatch(value ->
                        account.token().equals(value) || account.secretKey().equals(value));
    }

    @Test
    void shouldImportAnExistingPushplusTokenOnce() {
        String token = "5709ABCDEF0123456789abcdef01ddf0";

        TestAccount imported = newAccount(Map.of("name", "imported", "token", token));
        TestHttp.Response again = http().postJson(
                        "/api/admin/accounts",
                        Map.of("name", "again", "token", token),
                        Map.of("X-Admin-Key", ADMIN_KEY));

        assertThat(imported.token()).isEqualTo(token.toLowerCase());
        assertThat(again.body()).isEqualTo("{\"code\":999,\"msg\":\"token已存在\",\"data\":null}");
    }

    @Test
    void shouldRefuseAMalformedImportedToken() {
        TestHttp.Response response = http().postJson(
                        "/api/admin/accounts",
                        Map.of("name", "bad", "token", "short"),
                        Map.of("X-Admin-Key", ADMIN_KEY));

        assertThat(response.json().get("code").asInt()).isEqualTo(999);
        assertThat(response.json().get("msg").asString()).isEqualTo("token必须是32位十六进制字符");
    }

    @Test
    void shouldStoreAWebhookUrlSealed() {
        TestAccount account = newAccount();

        addWebhook(account, "flow", 7, "https://hiflow.tencent.com/api/hook/secret-key-123");

        String stored = jdbc.sql("select url from webhooks where code = 'flow' and account_id = :id")
                .param("id", UUID.fromString(account.accountId()))
                .query(String.class)
                .single();
        assertThat(stored).startsWith("v1:").doesNotContain("secret-key-123");
    }

    @Test
    void shouldRefuseUnknownWebhookTypesAndNonHttpUrls() {
        TestAccount account = newAccount();

        JsonNode wecomApp =
                webhook(account, Map.of("webhookCode", "app", "webhookType", 6, "webhookUrl", "https://x.test/"));
        JsonNode ftp = webhook(account, Map.of("webhookCode", "f", "webhookType", 7, "webhookUrl", "ftp://x.test/"));

        assertThat(wecomApp.get("code").asInt()).isEqualTo(999);
        assertThat(wecomApp.get("msg").asString()).startsWith("不支持的webhookType: 6（支持1 企业微信机器人、2 钉钉机器人");
        assertThat(ftp.get("msg").asString()).isEqualTo("webhookUrl必须是http或https地址");
    }

    @Test
    void shouldAcceptEveryWebhookTypeOfTheTableIncludingSelfHostedHosts() {
        TestAccount account = newAccount();
        Map<Integer, String> urls = new java.util.LinkedHashMap<>();
        urls.put(1, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k");
        urls.put(2, "https://oapi.dingtalk.com/robot/send?access_token=t");
        urls.put(3, "https://open.feishu.cn/open-apis/bot/v2/hook/h");
        urls.put(4, "https://sctapi.ftqq.com/SCT1.send");
        urls.put(8, "https://maker.ifttt.com/trigger/e/with/key/k");
        urls.put(10, "http://gotify.home.example:8080/message?token=t");
        urls.put(11, "https://wxpusher.zjiecode.com/api/send/message/?appToken=a");
        urls.put(50, "https://bark.self.example/k");
        urls.put(101, "https://open.larksuite.com/open-apis/bot/v2/hook/h");
        urls.put(102, "https://api.telegram.org/bot1:abc/sendMessage?chat_id=42");
        urls.put(103, "https://discord.com/api/webhooks/1/t");
        urls.put(104, "https://hooks.slack.com/services/T/B/x");

        urls.forEach((type, url) -> assertThat(
                        webhook(account, Map.of("webhookCode", "t" + type, "webhookType", type, "webhookUrl", url))
                                .get("code")
                                .asInt())
                .as("type " + type)
                .isEqualTo(200));
    }

    @Test
    void shouldSealTheSigningSecretAndNeverListItOrTheUrlInClear() {
        TestAccount account = newAccount();

        JsonNode added = webhook(
                account,
                Map.of(
                        "webhookCode", "ding",
                        "webhookType", 2,
                        "webhookUrl", "https://oapi.dingtalk.com/robot/send?access_token=tok-secret-1",
                        "secret", "SECabcdef0123456789",
                        "keyword", "pushplus"));
        JsonNode listed = http().get(
                        "/api/admin/accounts/" + account.accountId() + "/webhooks", Map.of("X-Admin-Key", ADMIN_KEY))
                .json();

        assertThat(added.get("code").asInt()).isEqualTo(200);
        assertThat(added.toString()).doesNotContain("SECabcdef").doesNotContain("tok-secret-1");
        String stored = jdbc.sql("select secret from webhooks where code = 'ding' and account_id = :id")
                .param("id", UUID.fromString(account.accountId()))
                .query(String.class)
                .single();
        assertThat(stored).startsWith("v1:").doesNotContain("SECabcdef");
        JsonNode row = listed.get("data").get(0);
        assertThat(row.get("webhookUrl").asString()).isEqualTo("https://oapi.dingtalk.com/…");
        assertThat(row.get("hasSecret").asBoolean()).isTrue();
        assertThat(row.get("keyword").asString()).isEqualTo("pushplus");
        assertThat(listed.toString()).doesNotContain("SECabcdef").doesNotContain("tok-secret-1");
    }

    @Test
    void shouldStoreACustomWebhooksHeadersSealedAndItsTemplateAsAttributes() {
        TestAccount account = newAccount();

        JsonNode added = webhook(
                account,
                Map.of(
                        "webhookCode", "mine",
                        "webhookType", 12,
                        "webhookUrl", "https://hooks.example/notify",
                        "httpMethod", "put",
                        "headers", Map.of("Authorization", "Bearer hdr-secret"),
                        "body", "{\"text\":\"{title}: {content}\"}"));
        JsonNode listed = http().get(
                        "/api/admin/accounts/" + account.accountId() + "/webhooks", Map.of("X-Admin-Key", ADMIN_KEY))
                .json();

        assertThat(added.get("code").asInt()).as(added.toString()).isEqualTo(200);
        JsonNode row = listed.get("data").get(0);
        assertThat(row.get("method").asString()).isEqualTo("PUT");
        assertThat(row.get("contentType").asString()).isEqualTo("application/json");
        assertThat(row.get("body").asString()).isEqualTo("{\"text\":\"{title}: {content}\"}");
        assertThat(row.get("hasSecret").asBoolean()).isTrue();
        assertThat(listed.toString()).doesNotContain("hdr-secret");
    }

    @Test
    void shouldRefuseSettingsThatDoNotFitTheType() {
        TestAccount account = newAccount();

        JsonNode secretOnHiflow = webhook(
                account, Map.of("webhookCode", "a", "webhookType", 7, "webhookUrl", "https://x.test/", "secret", "s"));
        JsonNode headersNotObject = webhook(
                account,
                Map.of("webhookCode", "b", "webhookType", 12, "webhookUrl", "https://x.test/", "headers", "x"));
        JsonNode badMethod = webhook(
                account,
                Map.of("webhookCode", "c", "webhookType", 12, "webhookUrl", "https://x.test/", "httpMethod", "TRACE"));
        JsonNode hostHeader = webhook(
                account,
                Map.of(
                        "webhookCode",
                        "d",
                        "webhookType",
                        12,
                        "webhookUrl",
                        "https://x.test/",
                        "headers",
                        Map.of("Host", "evil.test")));
        JsonNode telegramWithoutChat = webhook(
                account,
                Map.of(
                        "webhookCode",
                        "e",
                        "webhookType",
                        102,
                        "webhookUrl",
                        "https://api.telegram.org/bot1:x/sendMessage"));
        JsonNode keywordOnWecom = webhook(
                account,
                Map.of("webhookCode", "f", "webhookType", 1, "webhookUrl", "https://x.test/?key=k", "keyword", "k"));

        assertThat(secretOnHiflow.get("msg").asString()).isEqualTo("secret仅适用于钉钉、飞书和Lark机器人");
        assertThat(headersNotObject.get("msg").asString()).isEqualTo("headers必须是JSON对象");
        assertThat(badMethod.get("msg").asString()).isEqualTo("httpMethod只能是GET、POST、PUT、PATCH或DELETE");
        assertThat(hostHeader.get("msg").asString()).isEqualTo("headers中不能设置Host（Content-Type请用contentType）");
        assertThat(telegramWithoutChat.get("msg").asString()).startsWith("Telegram的webhookUrl须为");
        assertThat(keywordOnWecom.get("msg").asString()).isEqualTo("keyword仅适用于钉钉机器人");
    }

    private JsonNode webhook(TestAccount account, Map<String, Object> fields) {
        return http().postJson(
                        "/api/admin/accounts/" + account.accountId() + "/webhooks",
                        fields,
                        Map.of("X-Admin-Key", ADMIN_KEY))
                .json();
    }

    @Test
    void shouldRefuseADuplicateWebhookCode() {
        TestAccount account = newAccount();
        addWebhook(account, "dup", 9, "https://jijyun.cn/hook/1");

        JsonNode again = http().postJson(
                        "/api/admin/accounts/" + account.accountId() + "/webhooks",
                        Map.of(
                                "webhookCode",
                                "dup",
                                "webhookName",
                                "d",
                                "webhookType",
                                9,
                                "webhookUrl",
                                "https://jijyun.cn/2"),
                        Map.of("X-Admin-Key", ADMIN_KEY))
                .json();

        assertThat(again.get("msg").asString()).isEqualTo("webhookCode已存在: dup");
    }
}
