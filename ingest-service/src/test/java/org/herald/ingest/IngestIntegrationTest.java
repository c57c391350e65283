package org.herald.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.herald.testservers.RealServers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The one application context every integration test shares (same configuration, so Spring
 * caches it): the whole service on a random port with a real Kafka broker, its own PostgreSQL
 * database and a real Redis. Sharing matters beyond speed: two live contexts would split the listener groups'
 * partitions between them and steal each other's messages.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "herald.admin.key=" + IngestIntegrationTest.ADMIN_KEY,
            "herald.sealing.key=aGVyYWxkLXRlc3Qtc2VhbGluZy1rZXktMzJieXRlcyE=",
            "herald.ingest.public-base-url=http://herald.test",
            // wechat, cp, mail and sms have no delivering service yet; opened here so the fan-out to people
            // can be tested. The refusal of a closed channel is SendValidatorTest's.
            "herald.ingest.open-channels=webhook,wechat,cp,mail,sms",
            // The in-process broker logs every partition it loads at INFO.
            "logging.level.org.apache.kafka=WARN",
            "logging.level.kafka=WARN",
            "logging.level.state.change.logger=WARN"
        })
public abstract class IngestIntegrationTest {

    public static final String ADMIN_KEY = "test-admin-key-0123456789";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.registerKafka(registry);
        RealServers.registerPostgres(registry);
        // /send's same-content and quota counters.
        RealServers.registerRedis(registry);
    }

    protected TestHttp http() {
        return new TestHttp(port);
    }

    /** Creates an account through the admin API. */
    protected TestAccount newAccount(Map<String, Object> fields) {
        TestHttp.Response response = http().postJson("/api/admin/accounts", fields, Map.of("X-Admin-Key", ADMIN_KEY));
        JsonNode body = response.json();
        assertThat(body.get("code").asInt()).as(response.body()).isEqualTo(200);
        JsonNode data = body.get("data");
        return new TestAccount(
                data.get("accountId").asString(),
                data.get("token").asString(),
                data.get("secretKey").asString());
    }

    protected TestAccount newAccount() {
        return newAccount(Map.of("name", "test"));
    }

    /** Adds a webhook configuration through the admin API. */
    protected void addWebhook(TestAccount account, String code, int type, String url) {
        TestHttp.Response response = http().postJson(
                        "/api/admin/accounts/" + account.accountId() + "/webhooks",
                        Map.of("webhookCode", code, "webhookName", code, "webhookType", type, "webhookUrl", url),
                        Map.of("X-Admin-Key", ADMIN_KEY));
        assertThat(response.json().get("code").asInt()).as(response.body()).isEqualTo(200);
    }

    /** Sends a JSON /send and answers the shortCode, asserting it was accepted. */
    protected String sendAccepted(Map<String, Object> fields) {
        TestHttp.Response response = http().postJson("/send", fields, Map.of());
        JsonNode body = response.json();
        assertThat(body.get("code").asInt()).as(response.body()).isEqualTo(200);
        return body.get("data").asString();
    }

    public record TestAccount(String accountId, String token, String secretKey) {}
}
