package org.herald.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton through every real hop, started exactly as {@code ./run-local} starts it:
 * gateway → ingest → Kafka → channel-webhook → the sandbox's HiFlow hook; status events → ingest's
 * read model → message completed → callback-service → the sandbox's callback receiver.
 */
class LocalStackEndToEndIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalStack stack;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.start(new LocalStackSettings(
                20_000,
                Path.of("target", "e2e-data").toAbsolutePath(),
                Path.of(System.getProperty("herald.services.dir", "target/services"))));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldDeliverTheHiflowBodyReportStatusTwoAndCallBackOnce() throws Exception {
        String token = stack.demoAccount().token();
        String callbackUrl = stack.sandboxUrl() + "/callback/e2e";

        HttpResponse<String> accepted = post(
                stack.gatewayUrl() + "/send",
                "{\"token\":\"" + token + "\",\"title\":\"构建完成\",\"content\":\"main 构建成功\","
                        + "\"channel\":\"webhook\",\"webhook\":\"demo\",\"callbackUrl\":\"" + callbackUrl + "\"}");

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<Integer>read(accepted.body(), "$.code")).isEqualTo(200);
        assertThat(JsonPath.<String>read(accepted.body(), "$.msg")).isEqualTo("请求成功");
        String shortCode = JsonPath.read(accepted.body(), "$.data");
        assertThat(shortCode).matches("[0-9a-f]{32}");

        Map<String, Object> hiflow = await().atMost(Duration.ofSeconds(20))
                .until(() -> receivedBody("hiflow", shortCode), body -> body != null);
        assertThat(hiflow)
                .containsEntry("title", "构建完成")
                .containsEntry("content", "main 构建成功")
                .containsEntry("url", stack.gatewayUrl() + "/m/" + shortCode)
                .containsEntry("shortCode", shortCode)
                .containsKey("icon");
        assertThat(hiflow.keySet()).containsExactlyInAnyOrder("title", "content", "icon", "url", "shortCode");

        String accessKey = JsonPath.read(
                post(
                                stack.gatewayUrl() + "/api/common/openApi/getAccessKey",
                                "{\"token\":\"" + token + "\",\"secretKey\":\""
                                        + stack.demoAccount().secretKey() + "\"}")
                        .body(),
                "$.data.accessKey");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String status = get(
                            stack.gatewayUrl() + "/api/open/message/sendMessageResult?shortCode=" + shortCode,
                            Map.of("access-key", accessKey))
                    .body();
            assertThat(JsonPath.<Integer>read(status, "$.data.status")).isEqualTo(2);
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> callbacks(shortCode).size() == 1);
        Thread.sleep(2_000);
        List<Map<String, Object>> callbacks = callbacks(shortCode);
        assertThat(callbacks).hasSize(1);
        assertThat(callbacks.get(0))
                .isEqualTo(Map.of(
                        "event",
                        "message_complate",
                        "messageInfo",
                        Map.of("message", "", "shortCode", shortCode, "sendStatus", 2)));
    }

    @Test
    void shouldAnswerAnUnknownTokenWith903ThroughTheGateway() throws Exception {
        HttpResponse<String> answer =
                post(stack.gatewayUrl() + "/send", "{\"token\":\"" + "0".repeat(32) + "\",\"content\":\"hello\"}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<Integer>read(answer.body(), "$.code")).isEqualTo(903);
        assertThat(JsonPath.<Object>read(answer.body(), "$.data")).isNull();
    }

    @Test
    void shouldAnswerMissingContentWith999ThroughTheGateway() throws Exception {
        HttpResponse<String> answer = post(
                stack.gatewayUrl() + "/send",
                "{\"token\":\"" + stack.demoAccount().token() + "\",\"title\":\"t\"}");

        assertThat(JsonPath.<Integer>read(answer.body(), "$.code")).isEqualTo(999);
        assertThat(JsonPath.<String>read(answer.body(), "$.msg")).isEqualTo("内容不能为空");
    }

    private static Map<String, Object> receivedBody(String target, String shortCode) throws Exception {
        List<Map<String, Object>> bodies = received(target);
        return bodies.stream()
                .filter(body -> shortCode.equals(body.get("shortCode")))
                .findFirst()
                .orElse(null);
    }

    private static List<Map<String, Object>> callbacks(String shortCode) throws Exception {
        return received("callback").stream()
                .filter(body ->
                        body.get("messageInfo") instanceof Map<?, ?> info && shortCode.equals(info.get("shortCode")))
                .toList();
    }

    /** The JSON bodies the sandbox recorded for a target, parsed. */
    private static List<Map<String, Object>> received(String target) throws Exception {
        String json = get(stack.sandboxUrl() + "/api/received?target=" + target + "&limit=500", Map.of())
                .body();
        List<String> bodies = JsonPath.read(json, "$[*].body");
        return bodies.stream()
                .map(body -> JsonPath.<Map<String, Object>>read(body, "$"))
                .toList();
    }

    private static HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
