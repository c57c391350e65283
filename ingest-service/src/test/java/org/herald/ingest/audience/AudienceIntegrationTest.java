package org.herald.ingest.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.herald.ingest.IngestIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Topics, friends and contacts through the open API (access key) and the admin API (admin key). */
public abstract class AudienceIntegrationTest extends IngestIntegrationTest {

    protected String accessKey(TestAccount account) {
        JsonNode body = http().postJson(
                        "/api/common/openApi/getAccessKey",
                        Map.of("token", account.token(), "secretKey", account.secretKey()),
                        Map.of())
                .json();
        assertThat(body.get("code").asInt()).as(body.toString()).isEqualTo(200);
        return body.get("data").get("accessKey").asString();
    }

    protected JsonNode openGet(String key, String pathAndQuery) {
        return http().get(pathAndQuery, Map.of("access-key", key)).json();
    }

    protected JsonNode openPost(String key, String path, Object body) {
        return http().postJson(path, body, Map.of("access-key", key)).json();
    }

    protected JsonNode admin(String method, String path, Object body) {
        String json = body == null
                ? null
                : tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body);
        return http().send(
                        method, path, json == null ? null : "application/json", json, Map.of("X-Admin-Key", ADMIN_KEY))
                .json();
    }

    /** Creates a topic through the open API and answers its id. */
    protected long addTopic(String key, String code, String name) {
        return ok(openPost(key, "/api/open/topic/add", Map.of("topicCode", code, "topicName", name)))
                .asLong();
    }

    /** Joins someone to the account's topic through the admin API and answers the relation id. */
    protected long join(TestAccount owner, String topicCode, Map<String, Object> person) {
        return ok(admin(
                        "POST",
                        "/api/admin/accounts/" + owner.accountId() + "/topics/" + topicCode + "/subscribers",
                        person))
                .get("topicRelationId")
                .asLong();
    }

    public static JsonNode ok(JsonNode answer) {
        assertThat(answer.get("code").asInt()).as(answer.toString()).isEqualTo(200);
        return answer.get("data");
    }

    public static void refused(JsonNode answer, String msg) {
        assertThat(answer.get("code").asInt()).as(answer.toString()).isEqualTo(999);
        assertThat(answer.get("msg").asString()).isEqualTo(msg);
    }
}
