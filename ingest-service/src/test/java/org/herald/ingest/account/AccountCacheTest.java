package org.herald.ingest.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.herald.ingest.IngestIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Changes made behind this instance's back (another instance, an operator's SQL) reach /send at once. */
class AccountCacheTest extends IngestIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CachedAccountDirectory cache;

    @Test
    void shouldRefuseAWebhookDeletedInTheDatabaseByAnotherInstance() {
        TestAccount account = newAccount();
        addWebhook(account, "gone", 7, "https://hiflow.tencent.com/api/hook/abc");
        await().atMost(Duration.ofSeconds(10)).until(cache::trusted);
        sendAccepted(Map.of("token", account.token(), "channel", "webhook", "webhook", "gone", "content", "first"));

        jdbc.sql("delete from webhooks where account_id = :id and code = 'gone'")
                .param("id", UUID.fromString(account.accountId()))
                .update();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                        http().get("/send?token=" + account.token() + "&channel=webhook&webhook=gone&content=second")
                                .body())
                .isEqualTo("{\"code\":999,\"msg\":\"webhook配置不存在: gone\",\"data\":null}"));
    }

    @Test
    void shouldRefuseAChangedTokenAtOnce() {
        TestAccount account = newAccount();
        addWebhook(account, "flow", 7, "https://hiflow.tencent.com/api/hook/abc");
        await().atMost(Duration.ofSeconds(10)).until(cache::trusted);
        sendAccepted(Map.of("token", account.token(), "channel", "webhook", "webhook", "flow", "content", "first"));

        jdbc.sql("update accounts set token_hash = :hash where id = :id")
                .param("hash", Credentials.hash("ffffffffffffffffffffffffffffffff"))
                .param("id", UUID.fromString(account.accountId()))
                .update();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                        http().get("/send?token=" + account.token() + "&channel=webhook&webhook=flow&content=second")
                                .json()
                                .get("code")
                                .asInt())
                .isEqualTo(903));
    }
}
