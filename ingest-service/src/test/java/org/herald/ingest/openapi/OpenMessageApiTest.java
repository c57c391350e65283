package org.herald.ingest.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.herald.events.delivery.DeliveryState;
import org.herald.ingest.message.DeliveryRecord;
import org.herald.ingest.retention.RetentionPurge;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class OpenMessageApiTest extends OpenApiIntegrationTest {

    private static final long DAY = Duration.ofDays(1).toSeconds();

    @Autowired
    RetentionPurge purge;

    @Test
    void shouldListTheAccountsMessagesNewestFirstInPages() {
        TestAccount account = newAccount();
        TestAccount other = newAccount();
        String oldest = storedMessage(account, "one", 300);
        String middle = storedMessage(account, "two", 200);
        String newest = storedMessage(account, "three", 100);
        storedMessage(other, "not mine", 50);
        String key = accessKey(account);

        JsonNode first = ok(post(key, "/api/open/message/list", Map.of("current", 1, "pageSize", 2)));
        JsonNode second = ok(post(key, "/api/open/message/list", Map.of("current", 2, "pageSize", 2)));

        assertThat(first.get("pageNum").asInt()).isEqualTo(1);
        assertThat(first.get("pageSize").asInt()).isEqualTo(2);
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("pages").asLong()).isEqualTo(2);
        assertThat(first.get("list").valueStream().map(row -> row.get("shortCode")
                        .asString()))
                .containsExactly(newest, middle);
        assertThat(second.get("list").valueStream().map(row -> row.get("shortCode")
                        .asString()))
                .containsExactly(oldest);
        JsonNode row = first.get("list").get(0);
        assertThat(row.get("title").asString()).isEqualTo("three");
        assertThat(row.get("channel").asString()).isEqualTo("webhook");
        assertThat(row.get("messageType").asInt()).isEqualTo(1);
        assertThat(row.get("updateTime").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    }

    @Test
    void shouldRefuseAPageSizeOverFiftyAndACallWithoutKey() {
        TestAccount account = newAccount();
        String key = accessKey(account);

        JsonNode tooLarge = post(key, "/api/open/message/list", Map.of("pageSize", 51));
        JsonNode anonymous =
                http().postJson("/api/open/message/list", Map.of(), Map.of()).json();

        refused(tooLarge, "pageSize必须在1到50之间");
        assertThat(anonymous.get("code").asInt()).isEqualTo(401);
    }

    @Test
    void shouldDeleteAMessageSoNobodyCanViewItAnyMore() {
        TestAccount account = newAccount();
        TestAccount other = newAccount();
        String shortCode = storedMessage(account, "secret plans", 10);
        messages.insertDeliveriesAbsent(List.of(new DeliveryRecord(
                shortCode + "-webhook-a",
                shortCode,
                "webhook",
                "webhook:a",
                DeliveryState.DELIVERED,
                1,
                null,
                java.time.Instant.now())));
        String key = accessKey(account);
        assertThat(page(shortCode).status()).isEqualTo(200);

        refused(delete(accessKey(other), "/api/open/message/deleteMessage?shortCode=" + shortCode), "消息不存在");
        JsonNode deleted = delete(key, "/api/open/message/deleteMessage?shortCode=" + shortCode);

        ok(deleted);
        assertThat(page(shortCode).status()).isEqualTo(404);
        assertThat(page(shortCode).body()).contains("消息不存在");
        assertThat(http().get("/shortMessage/" + shortCode).status()).isEqualTo(404);
        refused(get(key, "/api/open/message/sendMessageResult?shortCode=" + shortCode), "消息不存在");
        refused(delete(key, "/api/open/message/deleteMessage?shortCode=" + shortCode), "消息不存在");
        assertThat(messages.deliveries(shortCode)).isEmpty();
    }

    @Test
    void shouldHideExpiredMessagesAndPurgeThemWithTheirDeliveries() {
        TestAccount account = newAccount();
        String expired = storedMessage(account, "old", 31 * DAY);
        String kept = storedMessage(account, "recent", 29 * DAY);
        messages.insertDeliveriesAbsent(List.of(new DeliveryRecord(
                expired + "-webhook-a",
                expired,
                "webhook",
                "webhook:a",
                DeliveryState.DELIVERED,
                1,
                null,
                java.time.Instant.now())));
        String key = accessKey(account);

        assertThat(page(expired).status()).isEqualTo(404);
        refused(get(key, "/api/open/message/sendMessageResult?shortCode=" + expired), "消息不存在");
        refused(delete(key, "/api/open/message/deleteMessage?shortCode=" + expired), "消息不存在");
        JsonNode list = ok(post(key, "/api/open/message/list", Map.of()));
        assertThat(list.get("list").valueStream().map(row -> row.get("shortCode")
                        .asString()))
                .containsExactly(kept);
        assertThat(messages.find(expired)).isPresent();

        assertThat(purge.purge()).isGreaterThanOrEqualTo(1);

        assertThat(messages.find(expired)).isEmpty();
        assertThat(messages.deliveries(expired)).isEmpty();
        assertThat(messages.find(kept)).isPresent();
        assertThat(page(kept).status()).isEqualTo(200);
    }
}
