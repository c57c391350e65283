package org.herald.ingest.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.herald.sealing.SecretSealer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class ChannelConfigApiTest extends OpenApiIntegrationTest {

    private static final String CP_SECRET = "wecom-app-secret-0123456789abcdefghijklmnop";
    private static final String MAIL_CODE = "qq-auth-code-abcdef";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SecretSealer sealer;

    @Test
    void shouldKeepAWeComAppSecretSealedAndAnswerItMasked() {
        TestAccount account = newAccount();
        String key = accessKey(account);

        long id = ok(post(key, "/api/open/cp/add", cp("ops", CP_SECRET))).asLong();

        JsonNode detail = ok(get(key, "/api/open/cp/detail?cpId=" + id));
        assertThat(detail.get("cpCode").asString()).isEqualTo("ops");
        assertThat(detail.get("corpId").asString()).isEqualTo("ww0123456789abcdef");
        assertThat(detail.get("agentId").asString()).isEqualTo("1000002");
        assertThat(detail.get("secret").asString()).isEqualTo("******");
        assertThat(detail.get("proxy").asString()).isEqualTo("https://proxy.example.com/…");
        assertThat(detail.toString()).doesNotContain(CP_SECRET);
        String stored = jdbc.sql("select secret from cp_configs where id = ?")
                .param(id)
                .query(String.class)
                .single();
        assertThat(stored).startsWith("v1:").doesNotContain(CP_SECRET);
        assertThat(sealer.open(stored)).isEqualTo(CP_SECRET);
        JsonNode list = ok(post(key, "/api/open/cp/list", Map.of()));
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.get("list").get(0).get("cpName").asString()).isEqualTo("ops app");
    }

    @Test
    void shouldEditAWeComAppKeepingItsSecretUnlessANewOneIsGiven() {
        TestAccount account = newAccount();
        String key = accessKey(account);
        long id = ok(post(key, "/api/open/cp/add", cp("ops", CP_SECRET))).asLong();

        ok(post(key, "/api/open/cp/edit", Map.of("id", id, "cpName", "renamed", "secret", "******")));
        String kept = jdbc.sql("select secret from cp_configs where id = ?")
                .param(id)
                .query(String.class)
                .single();
        ok(post(key, "/api/open/cp/edit", Map.of("id", id, "secret", "another-secret")));
        String replaced = jdbc.sql("select secret from cp_configs where id = ?")
                .param(id)
                .query(String.class)
                .single();

        assertThat(sealer.open(kept)).isEqualTo(CP_SECRET);
        assertThat(sealer.open(replaced)).isEqualTo("another-secret");
        assertThat(ok(get(key, "/api/open/cp/detail?cpId=" + id)).get("cpName").asString())
                .isEqualTo("renamed");
    }

    @Test
    void shouldRefuseBadOrDuplicateWeComAppsAndHideOtherAccountsOnes() {
        TestAccount account = newAccount();
        String key = accessKey(account);
        long id = ok(post(key, "/api/open/cp/add", cp("ops", CP_SECRET))).asLong();
        Map<String, Object> badAgent = new HashMap<>(cp("other", CP_SECRET));
        badAgent.put("agentId", "abc");
        String otherKey = accessKey(newAccount());

        refused(post(key, "/api/open/cp/add", cp("ops", CP_SECRET)), "cpCode已存在: ops");
        refused(post(key, "/api/open/cp/add", badAgent), "agentId必须是数字");
        refused(post(key, "/api/open/cp/add", cp("nosecret", "")), "secret不能为空");
        refused(get(otherKey, "/api/open/cp/detail?cpId=" + id), "企业微信应用配置不存在");
        refused(delete(otherKey, "/api/open/cp/delete?cpId=" + id), "企业微信应用配置不存在");

        ok(delete(key, "/api/open/cp/delete?cpId=" + id));
        refused(get(key, "/api/open/cp/detail?cpId=" + id), "企业微信应用配置不存在");
    }

    @Test
    void shouldKeepAMailAuthorizationCodeSealedAndAnswerItMasked() {
        TestAccount account = newAccount();
        String key = accessKey(account);

        long id = ok(post(
                        key,
                        "/api/open/mail/add",
                        Map.of(
                                "mailCode", "qq",
                                "mailName", "QQ mail",
                                "account", "sender@qq.com",
                                "password", MAIL_CODE,
                                "smtpServer", "smtp.qq.com",
                                "smtpPort", "465",
                                "smtpSsl", true)))
                .asLong();

        JsonNode detail = ok(get(key, "/api/open/mail/detail?mailId=" + id));
        assertThat(detail.get("mailCode").asString()).isEqualTo("qq");
        assertThat(detail.get("account").asString()).isEqualTo("sender@qq.com");
        assertThat(detail.get("password").asString()).isEqualTo("******");
        assertThat(detail.get("smtpServer").asString()).isEqualTo("smtp.qq.com");
        assertThat(detail.get("smtpPort").asInt()).isEqualTo(465);
        assertThat(detail.get("smtpSsl").asBoolean()).isTrue();
        assertThat(detail.get("createTime").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        String stored = jdbc.sql("select password from mail_configs where account_id = ?")
                .param(UUID.fromString(account.accountId()))
                .query(String.class)
                .single();
        assertThat(stored).startsWith("v1:").doesNotContain(MAIL_CODE);
        assertThat(sealer.open(stored)).isEqualTo(MAIL_CODE);
        JsonNode list = ok(post(key, "/api/open/mail/list", Map.of()));
        assertThat(list.get("list").get(0).get("mailName").asString()).isEqualTo("QQ mail");
        assertThat(list.toString()).doesNotContain(MAIL_CODE);

        ok(post(key, "/api/open/mail/edit", Map.of("id", id, "smtpSsl", false, "smtpPort", 587)));
        JsonNode edited = ok(get(key, "/api/open/mail/detail?mailId=" + id));
        assertThat(edited.get("smtpSsl").asBoolean()).isFalse();
        assertThat(edited.get("smtpPort").asInt()).isEqualTo(587);
        refused(post(key, "/api/open/mail/edit", Map.of("id", id, "account", "not-an-address")), "account必须是邮箱地址");
        ok(delete(key, "/api/open/mail/delete?mailId=" + id));
        refused(get(key, "/api/open/mail/detail?mailId=" + id), "邮箱配置不存在");
    }

    private static Map<String, Object> cp(String code, String secret) {
        return Map.of(
                "cpCode",
                code,
                "cpName",
                code + " app",
                "corpId",
                "ww0123456789abcdef",
                "agentId",
                "1000002",
                "secret",
                secret,
                "proxy",
                "https://proxy.example.com/wecom?key=k");
    }
}
