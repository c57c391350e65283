package org.herald.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SandboxHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @BeforeEach
    void clean() throws Exception {
        assertThat(send("DELETE", "/api/received", null, null).statusCode()).isEqualTo(204);
        assertThat(send("DELETE", "/api/behaviour", null, null).statusCode()).isEqualTo(204);
    }

    @Test
    void shouldRecordAHiflowPostAsItArrivedAndAnswer200Json() throws Exception {
        String body = "{\"title\":\"标题\",\"content\":\"c\",\"icon\":\"i\",\"url\":\"u\",\"shortCode\":\"s\"}";

        HttpResponse<String> response =
                send("POST", "/hiflow/demo?key=abc", body, "application/json", "Idempotency-Key", "sc-webhook-demo");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"code\":0,\"msg\":\"success\"}");
        JsonNode received = received("?target=hiflow").get(0);
        assertThat(received.get("target").asString()).isEqualTo("hiflow");
        assertThat(received.get("method").asString()).isEqualTo("POST");
        assertThat(received.get("path").asString()).isEqualTo("/hiflow/demo?key=abc");
        assertThat(received.get("body").asString()).isEqualTo(body);
        assertThat(received.get("status").asInt()).isEqualTo(200);
        assertThat(received.get("verdict").asString()).isEqualTo("accepted");
        assertThat(header(received, "Idempotency-Key")).isEqualTo("sc-webhook-demo");
        assertThat(header(received, "Content-Type")).isEqualTo("application/json");
        assertThat(received.get("receivedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void shouldRecordAJijyunPostUnderItsOwnTarget() throws Exception {
        HttpResponse<String> response = send("POST", "/jijyun/h2", "{\"a\":1}", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(received("?target=jijyun").get(0).get("path").asString()).isEqualTo("/jijyun/h2");
        assertThat(received("?target=hiflow")).isEmpty();
    }

    @Test
    void shouldRefuseAHookBodyThatIsNotAJsonObjectWith400() throws Exception {
        HttpResponse<String> response = send("POST", "/hiflow/demo", "title=x", "application/x-www-form-urlencoded");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode received = received("").get(0);
        assertThat(received.get("body").asString()).isEqualTo("title=x");
        assertThat(received.get("verdict").asString()).contains("not a JSON object");
    }

    @Test
    void shouldAnswerACallbackTheWayAPushplusReceiverDoes() throws Exception {
        String body =
                "{\"event\":\"message_complate\",\"messageInfo\":{\"message\":\"\",\"shortCode\":\"abc\",\"sendStatus\":2}}";

        HttpResponse<String> response = send(
                "POST",
                "/callback/demo",
                body,
                "application/json",
                "webhook-id",
                "msg_abc",
                "webhook-timestamp",
                "1700000000");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"code\":200,\"msg\":\"success\"}");
        JsonNode received = received("?target=callback").get(0);
        assertThat(received.get("body").asString()).isEqualTo(body);
        assertThat(received.get("verdict").asString()).isEqualTo("accepted");
        assertThat(header(received, "webhook-id")).isEqualTo("msg_abc");
    }

    @Test
    void shouldSayWhatACallbackLackedWithoutRefusingIt() throws Exception {
        HttpResponse<String> response = send("POST", "/callback/demo", "not json", "text/plain");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(received("").get(0).get("verdict").asString())
                .isEqualTo("accepted, but body is not JSON; no webhook-id header; no webhook-timestamp header");
    }

    @Test
    void shouldListNewestFirstFilteredByTargetAndLimited() throws Exception {
        send("POST", "/hiflow/a", "{\"n\":1}", "application/json");
        send("POST", "/callback/r", "{\"n\":2}", "application/json");
        send("POST", "/hiflow/b", "{\"n\":3}", "application/json");
        send("POST", "/hiflow/c", "{\"n\":4}", "application/json");

        assertThat(paths(received(""))).containsExactly("/hiflow/c", "/hiflow/b", "/callback/r", "/hiflow/a");
        assertThat(paths(received("?target=hiflow&limit=2"))).containsExactly("/hiflow/c", "/hiflow/b");
        assertThat(paths(received("?target=callback"))).containsExactly("/callback/r");
    }

    @Test
    void shouldForgetEverythingOnDelete() throws Exception {
        send("POST", "/hiflow/a", "{}", "application/json");

        assertThat(send("DELETE", "/api/received", null, null).statusCode()).isEqualTo(204);

        assertThat(received("")).isEmpty();
    }

    @Test
    void shouldFailTheNextRequestsOfAHookAsScripted() throws Exception {
        HttpResponse<String> scripted =
                send("POST", "/api/behaviour/hiflow/flaky", "{\"failTimes\":2,\"status\":503}", "application/json");
        assertThat(scripted.statusCode()).isEqualTo(200);
        assertThat(scripted.body())
                .isEqualTo("{\"target\":\"hiflow\",\"hook\":\"flaky\",\"failTimes\":2,\"status\":503}");

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(send("POST", "/hiflow/flaky", "{}", "application/json").statusCode());
        }

        assertThat(statuses).containsExactly(503, 503, 200);
        assertThat(send("POST", "/hiflow/other", "{}", "application/json").statusCode())
                .isEqualTo(200);
        assertThat(received("?target=hiflow").get(2).get("verdict").asString()).isEqualTo("scripted failure");
    }

    @Test
    void shouldScriptCallbackReceiversToo() throws Exception {
        send("POST", "/api/behaviour/callback/down", "{\"failTimes\":1,\"status\":500}", "application/json");

        assertThat(send("POST", "/callback/down", "{}", "application/json").statusCode())
                .isEqualTo(500);
        assertThat(send("POST", "/callback/down", "{}", "application/json").statusCode())
                .isEqualTo(200);
    }

    @Test
    void shouldRefuseAScriptWithAnImpossibleStatus() throws Exception {
        HttpResponse<String> response =
                send("POST", "/api/behaviour/hiflow/x", "{\"failTimes\":1,\"status\":42}", "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("status must be an HTTP status code");
    }

    @Test
    void shouldShowWhatArrivedOnAnEscapedSelfRefreshingPage() throws Exception {
        send(
                "POST",
                "/hiflow/page",
                "{\"content\":\"<script>alert(1)</script>\"}",
                "application/json",
                "X-Note",
                "<b>bold</b>");

        HttpResponse<String> page = send("GET", "/", null, null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body())
                .contains("<meta http-equiv=\"refresh\" content=\"2\">")
                .contains("/hiflow/page")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;b&gt;bold&lt;/b&gt;")
                .contains("&quot;content&quot; : ")
                .doesNotContain("<script>")
                .doesNotContain("<b>bold");
    }

    private List<String> paths(JsonNode array) {
        List<String> paths = new ArrayList<>();
        array.forEach(node -> paths.add(node.get("path").asString()));
        return paths;
    }

    private JsonNode received(String query) throws Exception {
        HttpResponse<String> response = send("GET", "/api/received" + query, null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String header(JsonNode received, String name) {
        for (var entry : received.get("headers").properties()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue().get(0).asString();
            }
        }
        return null;
    }

    private HttpResponse<String> send(String method, String path, String body, String contentType, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
