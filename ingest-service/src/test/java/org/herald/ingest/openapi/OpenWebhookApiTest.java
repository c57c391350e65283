package org.herald.ingest.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.herald.ingest.account.AccountRepository;
import org.herald.sealing.SecretSealer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class OpenWebhookApiTest extends OpenApiIntegrationTest {

    private static final String ROBOT = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=robot-key-1";

    @Autowired
    AccountRepository directory;

    @Autowired
    SecretSealer sealer;

    @Test
    void shouldAddListAndShowWebhooksWithTheirUrlsMasked() {
        TestAccount account = newAccount();
        String key = accessKey(account);

        long id = ok(post(
                        key,
                        "/api/open/webhook/add",
                        Map.of("webhookCode", "wecom", "webhookName", "robot", "webhookType", 1, "webhookUrl", ROBOT)))
                .asLong();

        JsonNode list = ok(post(key, "/api/open/webhook/list", Map.of("current", 1, "pageSize", 20)));
        assertThat(list.get("total").asLong()).isEqualTo(1);
        JsonNode row = list.get("list").get(0);
        assertThat(row.get("id").asLong()).isEqualTo(id);
        assertThat(row.get("webhookCode").asString()).isEqualTo("wecom");
        assertThat(row.get("webhookType").asInt()).isEqualTo(1);
        assertThat(row.get("webhookUrl").asString()).isEqualTo("https://qyapi.weixin.qq.com/…");
        assertThat(list.toString()).doesNotContain("robot-key-1");
        JsonNode detail = ok(get(key, "/api/open/webhook/detail?webhookId=" + id));
        assertThat(detail.get("webhookName").asString()).isEqualTo("robot");
        assertThat(detail.get("hasSecret").asBoolean()).isFalse();
        assertThat(detail.toString()).doesNotContain("robot-key-1");
    }

    @Test
    void shouldRenameWithoutTouchingTheUrlAndReplaceTheUrlWhenGiven() {
        TestAccount account = newAccount();
        String key = accessKey(account);
        long id = ok(post(
                        key,
                        "/api/open/webhook/add",
                        Map.of("webhookCode", "wecom", "webhookType", 1, "webhookUrl", ROBOT)))
                .asLong();
        java.util.UUID accountId = java.util.UUID.fromString(account.accountId());

        assertThat(ok(post(key, "/api/open/webhook/edit", Map.of("id", id, "webhookName", "renamed")))
                        .asString())
                .isEqualTo("修改成功");
        assertThat(sealer.open(
                        directory.findWebhook(accountId, "wecom").orElseThrow().sealedUrl()))
                .isEqualTo(ROBOT);

        ok(post(
                key,
                "/api/open/webhook/edit",
                Map.of(
                        "id",
                        id,
                        "webhookCode",
                        "ding",
                        "webhookType",
                        2,
                        "webhookUrl",
                        "https://oapi.dingtalk.com/robot/send?access_token=t2")));
        JsonNode detail = ok(get(key, "/api/open/webhook/detail?webhookId=" + id));
        assertThat(detail.get("webhookName").asString()).isEqualTo("renamed");
        assertThat(detail.get("webhookCode").asString()).isEqualTo("ding");
        assertThat(detail.get("webhookType").asInt()).isEqualTo(2);
        refused(
                post(key, "/api/open/webhook/edit", Map.of("id", id, "webhookType", 3)),
                "修改webhookType、secret等设置时需同时提供webhookUrl");
    }

    @Test
    void shouldRefuseUnsupportedTypesAndOtherAccountsWebhooks() {
        TestAccount account = newAccount();
        String key = accessKey(account);
        long id = ok(post(
                        key,
                        "/api/open/webhook/add",
                        Map.of("webhookCode", "wecom", "webhookType", 1, "webhookUrl", ROBOT)))
                .asLong();
        String otherKey = accessKey(newAccount());

        JsonNode cp =
                post(key, "/api/open/webhook/add", Map.of("webhookCode", "app", "webhookType", 6, "webhookUrl", ROBOT));
        refused(
                post(
                        key,
                        "/api/open/webhook/add",
                        Map.of("webhookCode", "wecom", "webhookType", 1, "webhookUrl", ROBOT)),
                "webhookCode已存在: wecom");
        refused(get(otherKey, "/api/open/webhook/detail?webhookId=" + id), "webhook配置不存在: " + id);

        assertThat(cp.get("code").asInt()).isEqualTo(999);
        assertThat(cp.get("msg").asString()).startsWith("不支持的webhookType: 6");
        ok(delete(key, "/api/open/webhook/delete?webhookId=" + id));
        assertThat(ok(post(key, "/api/open/webhook/list", Map.of()))
                        .get("total")
                        .asLong())
                .isZero();
    }
}
