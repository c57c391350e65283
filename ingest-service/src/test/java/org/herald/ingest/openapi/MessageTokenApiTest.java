package org.herald.ingest.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.herald.ingest.account.Credentials;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class MessageTokenApiTest extends OpenApiIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldShowANewTokenOnceAndStoreItOnlyHashed() {
        TestAccount account = newAccount();
        String key = accessKey(account);

        String token =
                ok(post(key, "/api/open/token/add", Map.of("name", "ci"))).asString();

        assertThat(token).matches("[0-9a-f]{32}");
        JsonNode list = ok(post(key, "/api/open/token/list", Map.of("current", 1, "pageSize", 10)));
        assertThat(list.get("total").asLong()).isEqualTo(1);
        JsonNode row = list.get("list").get(0);
        assertThat(row.get("name").asString()).isEqualTo("ci");
        assertThat(row.get("expireTime").asString()).isEqualTo("2999-12-31 23:59:59");
        assertThat(row.get("token").asString())
                .startsWith(token.substring(0, 4))
                .doesNotContain(token.substring(4));
        assertThat(jdbc.sql("select * from message_tokens where account_id = ?")
                        .param(UUID.fromString(account.accountId()))
                        .query()
                        .singleRow())
                .containsEntry("token_hash", Credentials.hash(token))
                .doesNotContainValue(token);
        JsonNode select = ok(get(key, "/api/open/token/selectTokenList?type=1"));
        assertThat(select.get(0).get("name").asString()).isEqualTo("ci");
    }

    @Test
    void shouldSendWithAValidMessageTokenButNotFetchAnAccessKeyWithIt() {
        TestAccount account = newAccount();
        String key = accessKey(account);
        String token = ok(post(key, "/api/open/token/add", Map.of("name", "script", "expireTime", "2999-01-01")))
                .asString();

        JsonNode sent = send(token);
        JsonNode exchange = http().postJson(
                        "/api/common/openApi/getAccessKey",
                        Map.of("token", token, "secretKey", account.secretKey()),
                        Map.of())
                .json();

        // Accepted as the account's token: whatever /send then says, it is not "invalid token".
        assertThat(sent.get("code").asInt()).as(sent.toString()).isNotEqualTo(903);
        assertThat(exchange.get("code").asInt()).isEqualTo(401);
    }

    @Test
    void shouldRefuseAnExpiredEditedOrDeletedToken() {
        TestAccount account = newAccount();
        String key = accessKey(account);
        String token =
                ok(post(key, "/api/open/token/add", Map.of("name", "temp"))).asString();
        long id = ok(post(key, "/api/open/token/list", Map.of()))
                .get("list")
                .get(0)
                .get("id")
                .asLong();

        assertThat(ok(post(
                                key,
                                "/api/open/token/edit",
                                Map.of("id", id, "name", "renamed", "expireTime", "2998-06-01 12:00:00")))
                        .asString())
                .isEqualTo("修改成功");
        JsonNode renamed =
                ok(post(key, "/api/open/token/list", Map.of())).get("list").get(0);
        assertThat(renamed.get("name").asString()).isEqualTo("renamed");
        assertThat(renamed.get("expireTime").asString()).isEqualTo("2998-06-01 12:00:00");
        refused(
                post(key, "/api/open/token/edit", Map.of("id", id, "name", "x", "expireTime", "2001-01-01")),
                "expireTime不能早于当前时间");

        jdbc.sql("update message_tokens set expires_at = now() - interval '1 second' where id = ?")
                .param(id)
                .update();
        awaitRefused(token);

        jdbc.sql("update message_tokens set expires_at = now() + interval '1 day' where id = ?")
                .param(id)
                .update();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> send(token).get("code").asInt() != 903);
        ok(delete(key, "/api/open/token/deleteToken?id=" + id));
        awaitRefused(token);
        refused(delete(key, "/api/open/token/deleteToken?id=" + id), "消息token不存在");
    }

    @Test
    void shouldNotTouchAnotherAccountsTokens() {
        TestAccount owner = newAccount();
        String ownerKey = accessKey(owner);
        ok(post(ownerKey, "/api/open/token/add", Map.of("name", "mine")));
        long id = ok(post(ownerKey, "/api/open/token/list", Map.of()))
                .get("list")
                .get(0)
                .get("id")
                .asLong();
        String otherKey = accessKey(newAccount());

        refused(post(otherKey, "/api/open/token/edit", Map.of("id", id, "name", "stolen")), "消息token不存在");
        refused(delete(otherKey, "/api/open/token/deleteToken?id=" + id), "消息token不存在");
        assertThat(ok(post(otherKey, "/api/open/token/list", Map.of()))
                        .get("total")
                        .asLong())
                .isZero();
    }

    /** Account lookups may be cached; a change reaches the cache within moments, not at once. */
    private void awaitRefused(String token) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> send(token).get("code").asInt() == 903);
    }

    private JsonNode send(String token) {
        return http().postJson("/send", Map.of("token", token, "content", "hello"), Map.of())
                .json();
    }
}
