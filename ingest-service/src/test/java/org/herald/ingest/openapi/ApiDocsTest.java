package org.herald.ingest.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.herald.ingest.IngestIntegrationTest;
import org.herald.ingest.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The API description and its page, as the gateway routes them (/v3/api-docs/**, /swagger-ui/**). */
class ApiDocsTest extends IngestIntegrationTest {

    @Test
    void shouldDescribeTheOpenApiWithoutTheAccountParameter() {
        TestHttp.Response docs = http().get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.has("/api/open/message/list")).isTrue();
        assertThat(paths.has("/api/open/token/add")).isTrue();
        JsonNode list = paths.get("/api/open/message/list").get("post");
        assertThat(list.toString()).doesNotContain("accountId");
        assertThat(list.get("security").get(0).has("access-key")).isTrue();
        assertThat(docs.json()
                        .get("components")
                        .get("securitySchemes")
                        .get("access-key")
                        .get("in")
                        .asString())
                .isEqualTo("header");
    }

    @Test
    void shouldServeTheSwaggerUi() {
        TestHttp.Response redirect = http().get("/swagger-ui.html");
        TestHttp.Response index = http().get("/swagger-ui/index.html");

        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).contains("/swagger-ui/index.html");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.contentType()).startsWith("text/html");
    }
}
