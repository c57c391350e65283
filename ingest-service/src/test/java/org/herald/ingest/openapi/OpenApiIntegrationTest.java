package org.herald.ingest.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.herald.ingest.IngestIntegrationTest;
import org.herald.ingest.TestHttp;
import org.herald.ingest.message.MessageRecord;
import org.herald.ingest.message.MessageRepository;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Open-API calls as a client makes them: an access key first, then the header on every call. */
abstract class OpenApiIntegrationTest extends IngestIntegrationTest {

    @Autowired
    MessageRepository messages;

    String accessKey(TestAccount account) {
        JsonNode body = http().postJson(
                        "/api/common/openApi/getAccessKey",
                        Map.of("token", account.token(), "secretKey", account.secretKey()),
                        Map.of())
                .json();
        assertThat(body.get("code").asInt()).as(body.toString()).isEqualTo(200);
        return body.get("data").get("accessKey").asString();
    }

    JsonNode get(String key, String pathAndQuery) {
        return http().get(pathAndQuery, Map.of("access-key", key)).json();
    }

    JsonNode post(String key, String path, Object body) {
        return http().postJson(path, body, Map.of("access-key", key)).json();
    }

    JsonNode delete(String key, String pathAndQuery) {
        return http().send("DELETE", pathAndQuery, null, null, Map.of("access-key", key))
                .json();
    }

    static JsonNode ok(JsonNode answer) {
        assertThat(answer.get("code").asInt()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.get("msg").asString()).isEqualTo("执行成功");
        return answer.get("data");
    }

    static void refused(JsonNode answer, String msg) {
        assertThat(answer.get("code").asInt()).as(answer.toString()).isEqualTo(999);
        assertThat(answer.get("msg").asString()).isEqualTo(msg);
    }

    /** A message as the dispatcher records it, created {@code age} ago. */
    String storedMessage(TestAccount account, String title, long ageSeconds) {
        String shortCode = UUID.randomUUID().toString().replace("-", "");
        Instant created = Instant.now().minusSeconds(ageSeconds).truncatedTo(ChronoUnit.MILLIS);
        messages.insertMessagesAbsent(List.of(new MessageRecord(
                shortCode,
                UUID.fromString(account.accountId()),
                "webhook",
                "html",
                title,
                "content of " + title,
                null,
                MessageRecord.SUCCEEDED,
                "",
                created,
                created,
                false)));
        return shortCode;
    }

    TestHttp.Response page(String shortCode) {
        return http().get("/m/" + shortCode);
    }
}
