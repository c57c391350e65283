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
    void shouldRefuseWebhookTypesNotDeliveredYetAndNonHttpUrls() {
        TestAccount account = newAccount();
        Map<String, String> admin = Map.of("X-Admin-Key", ADMIN_KEY);
        String path = "/api/admin/accounts/" + account.accountId() + "/webhooks";

        JsonNode dingtalk = http().postJson(
                        path,
                        Map.of(
                                "webhookCode",
                                "d",
                                "webhookName",
                                "d",
                                "webhookType",
                                2,
                                "webhookUrl",
                                "https://x.test/"),
                        admin)
                .json();
        JsonNode ftp = http().postJson(
                        path,
                        Map.of("webhookCode", "f", "webhookName", "f", "webhookType", 7, "webhookUrl", "ftp://x.test/"),
                        admin)
                .json();

        assertThat(dingtalk.get("code").asInt()).isEqualTo(999);
        assertThat(dingtalk.get("msg").asString()).isEqualTo("暂不支持的webhookType: 2（目前支持7 腾讯轻联HiFlow、9 集简云）");
        assertThat(ftp.get("msg").asString()).isEqualTo("webhookUrl必须是http或https地址");
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
