package org.herald.ingest.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.herald.events.callback.CallbackEndpointChanged;
import org.herald.events.topic.Topics;
import org.herald.ingest.IngestIntegrationTest;
import org.herald.ingest.KafkaProbe;
import org.herald.ingest.TestHttp;
import org.herald.sealing.SecretSealer;
import org.herald.transport.EventJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class CallbackSettingsApiTest extends IngestIntegrationTest {

    private static final Map<String, String> ADMIN = Map.of("X-Admin-Key", ADMIN_KEY);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SecretSealer sealer;

    @Test
    void shouldSetTheCallbackUrlAndPublishItBeforeAnswering() {
        TestAccount account = newAccount();

        TestHttp.Response answer = setUrl(account, "https://example.com/herald/callback?key=abc");

        assertThat(answer.json().get("code").asInt()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("data").get("signed").asBoolean()).isFalse();
        CallbackEndpointChanged published = latest(account);
        assertThat(published.callbackUrl()).isEqualTo("https://example.com/herald/callback?key=abc");
        assertThat(published.sealedSigningSecrets()).isEmpty();
        assertThat(jdbc.sql("select callback_url from accounts where id = ?")
                        .param(UUID.fromString(account.accountId()))
                        .query(String.class)
                        .single())
                .isEqualTo("https://example.com/herald/callback?key=abc");
    }

    @Test
    void shouldShowANewSigningSecretOnceAndPublishItOnlySealed() {
        TestAccount account = newAccount();
        setUrl(account, "https://example.com/cb");

        JsonNode data = rotate(account).get("data");

        String secret = data.get("signingSecret").asString();
        assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");
        CallbackEndpointChanged published = latest(account);
        assertThat(published.sealedSigningSecrets()).hasSize(1);
        assertThat(published.sealedSigningSecrets().get(0)).startsWith("v1:").doesNotContain(secret);
        assertThat(sealer.open(published.sealedSigningSecrets().get(0))).isEqualTo(secret);
        assertThat(KafkaProbe.withKey(Topics.CALLBACK_ENDPOINTS.name(), account.accountId()))
                .noneMatch(record -> new String(record.value()).contains(secret));
        assertThat(jdbc.sql("select * from account_callback_secrets where account_id = ?")
                        .param(UUID.fromString(account.accountId()))
                        .query()
                        .singleRow()
                        .values())
                .noneMatch(value -> secret.equals(value));
    }

    @Test
    void shouldKeepThePreviousSecretSigningDuringTheOverlap() {
        TestAccount account = newAccount();
        String first = rotate(account).get("data").get("signingSecret").asString();

        JsonNode second = rotate(account).get("data");

        CallbackEndpointChanged published = latest(account);
        assertThat(published.sealedSigningSecrets())
                .extracting(sealer::open)
                .containsExactly(second.get("signingSecret").asString(), first);
        assertThat(published.previousSecretExpiresAt()).isNotNull();
        assertThat(second.get("previousSecretExpiresAt").asString())
                .isEqualTo(published.previousSecretExpiresAt().toString());
    }

    @Test
    void shouldPublishTheUrlGivenAtAccountCreation() {
        TestAccount account = newAccount(Map.of("name", "with-callback", "callbackUrl", "https://example.com/created"));

        assertThat(latest(account).callbackUrl()).isEqualTo("https://example.com/created");
    }

    @Test
    void shouldRefuseABadUrlAnUnknownAccountAndAMissingAdminKey() {
        TestAccount account = newAccount();

        JsonNode ftp = setUrl(account, "ftp://example.com/").json();
        JsonNode unknown = http().postJson(
                        "/api/admin/accounts/" + UUID.randomUUID() + "/callback/signing-secret", Map.of(), ADMIN)
                .json();
        TestHttp.Response anonymous = http().postJson(
                        "/api/admin/accounts/" + account.accountId() + "/callback/signing-secret", Map.of(), Map.of());

        assertThat(ftp.get("code").asInt()).isEqualTo(999);
        assertThat(ftp.get("msg").asString()).isEqualTo("callbackUrl必须是http或https地址");
        assertThat(unknown.get("msg").asString()).isEqualTo("账户不存在");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    private TestHttp.Response setUrl(TestAccount account, String url) {
        return http().send(
                        "PUT",
                        "/api/admin/accounts/" + account.accountId() + "/callback/url",
                        "application/json",
                        "{\"callbackUrl\":\"" + url + "\"}",
                        ADMIN);
    }

    private JsonNode rotate(TestAccount account) {
        TestHttp.Response answer = http().postJson(
                        "/api/admin/accounts/" + account.accountId() + "/callback/signing-secret", Map.of(), ADMIN);
        assertThat(answer.json().get("code").asInt()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** The answer came after the broker's ack, so the event is there already. */
    private static CallbackEndpointChanged latest(TestAccount account) {
        List<ConsumerRecord<String, byte[]>> records =
                KafkaProbe.withKey(Topics.CALLBACK_ENDPOINTS.name(), account.accountId());
        assertThat(records).isNotEmpty();
        return EventJson.mapper().readValue(records.get(records.size() - 1).value(), CallbackEndpointChanged.class);
    }
}
