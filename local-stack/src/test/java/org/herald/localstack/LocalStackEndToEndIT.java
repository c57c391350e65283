package org.herald.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The walking skeleton through every real hop, driven the way a newcomer drives it: the launcher jar
 * {@code ./run-local} runs is started as a process, its banner read, and the curl request it printed
 * sent as printed. gateway → ingest → Kafka → channel-webhook → the sandbox's HiFlow hook; status
 * events → ingest's read model → message completed → callback-service → the sandbox's callback
 * receiver. Finally the launcher is stopped as Ctrl-C stops it, and nothing of the stack may remain.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackEndToEndIT {

    private static final int PORT_OFFSET = 20_000;
    private static final String GATEWAY = "http://localhost:" + (8080 + PORT_OFFSET);
    private static final String SANDBOX = "http://localhost:" + (8090 + PORT_OFFSET);
    private static final Pattern PRINTED_CURL =
            Pattern.compile("curl -s (\\S+/send) -H 'Content-Type: application/json' -d '(\\{.*\\})'");
    private static final Pattern TOKEN = Pattern.compile("Demo token: ([0-9a-f]{32})");
    private static final Pattern SECRET_KEY = Pattern.compile("secretKey: ([0-9a-f]+)\\)");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A file, not a pipe: what the launcher prints while it stops must not race its exit. */
    private static final Path OUTPUT = Path.of("target", "e2e-launcher.log").toAbsolutePath();

    private static Process launcher;
    private static List<ProcessHandle> stackProcesses;

    @BeforeAll
    static void startTheLauncherAsRunLocalDoes() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        javaCommand(),
                        "-Xmx384m",
                        "-XX:+UseSerialGC",
                        "-jar",
                        System.getProperty("herald.launcher.jar", "target/local-stack-0.1.0-SNAPSHOT.jar"))
                .redirectErrorStream(true)
                .redirectOutput(OUTPUT.toFile());
        builder.environment().put("HERALD_LOCAL_PORT_OFFSET", String.valueOf(PORT_OFFSET));
        builder.environment()
                .put(
                        "HERALD_LOCAL_DATA",
                        Path.of("target", "e2e-data").toAbsolutePath().toString());
        Files.createDirectories(OUTPUT.getParent());
        launcher = builder.start();
        await().atMost(Duration.ofSeconds(240))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> output().contains("Ctrl-C stops everything") || !launcher.isAlive());
        assertThat(launcher.isAlive())
                .as("the launcher exited before it was ready:%n%s", output())
                .isTrue();
        stackProcesses = launcher.descendants().toList();
    }

    @AfterAll
    static void stopIfStillRunning() throws InterruptedException {
        if (launcher != null && launcher.isAlive()) {
            launcher.destroy();
            if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                launcher.descendants().forEach(ProcessHandle::destroyForcibly);
                launcher.destroyForcibly();
            }
        }
    }

    @Test
    @Order(1)
    void shouldDeliverThePrintedCurlToTheHiflowHookReportStatusTwoAndCallBackOnce() throws Exception {
        Matcher curl = PRINTED_CURL.matcher(output());
        assertThat(curl.find()).as("a curl line in:%n%s", output()).isTrue();
        String token = find(TOKEN);

        HttpResponse<String> accepted = post(curl.group(1), curl.group(2));

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<Integer>read(accepted.body(), "$.code")).isEqualTo(200);
        assertThat(JsonPath.<String>read(accepted.body(), "$.msg")).isEqualTo("请求成功");
        String shortCode = JsonPath.read(accepted.body(), "$.data");
        assertThat(shortCode).matches("[0-9a-f]{32}");

        Map<String, Object> hiflow =
                await().atMost(Duration.ofSeconds(20)).until(() -> bodyFor("hiflow", shortCode), body -> body != null);
        assertThat(hiflow)
                .containsEntry("title", "Hello")
                .containsEntry("content", "Herald works")
                .containsEntry("icon", GATEWAY + "/assets/herald-icon.png")
                .containsEntry("url", GATEWAY + "/m/" + shortCode)
                .containsEntry("shortCode", shortCode);
        assertThat(hiflow.keySet()).containsExactlyInAnyOrder("title", "content", "icon", "url", "shortCode");

        String accessKey = JsonPath.read(
                post(
                                GATEWAY + "/api/common/openApi/getAccessKey",
                                "{\"token\":\"" + token + "\",\"secretKey\":\"" + find(SECRET_KEY) + "\"}")
                        .body(),
                "$.data.accessKey");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String status = get(
                            GATEWAY + "/api/open/message/sendMessageResult?shortCode=" + shortCode,
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

        assertThat(get(GATEWAY + "/m/" + shortCode, Map.of()).body()).contains("Herald works");
    }

    @Test
    @Order(2)
    void shouldAnswerAnUnknownTokenWith903ThroughTheGateway() throws Exception {
        HttpResponse<String> answer =
                post(GATEWAY + "/send", "{\"token\":\"" + "0".repeat(32) + "\",\"content\":\"hello\"}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<Integer>read(answer.body(), "$.code")).isEqualTo(903);
        assertThat(JsonPath.<Object>read(answer.body(), "$.data")).isNull();
    }

    @Test
    @Order(3)
    void shouldAnswerMissingContentWith999ThroughTheGateway() throws Exception {
        HttpResponse<String> answer = post(GATEWAY + "/send", "{\"token\":\"" + find(TOKEN) + "\",\"title\":\"t\"}");

        assertThat(JsonPath.<Integer>read(answer.body(), "$.code")).isEqualTo(999);
        assertThat(JsonPath.<String>read(answer.body(), "$.msg")).isEqualTo("内容不能为空");
    }

    @Test
    @Order(4)
    void shouldStopEveryProcessOfTheStackWhenTheLauncherIsStopped() throws Exception {
        // PostgreSQL is daemonised by pg_ctl, so it is no descendant: its port tells instead.
        assertThat(stackProcesses).hasSizeGreaterThanOrEqualTo(9);

        launcher.destroy();

        assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output()).contains("Stopping Herald");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(stackProcesses).noneMatch(ProcessHandle::isAlive));
        assertThat(List.of(8080, 8081, 8082, 8083, 8084, 8085, 8086, 8090, 9092, 9093, 5432, 6379))
                .map(port -> port + PORT_OFFSET)
                .noneMatch(LocalStackEndToEndIT::listening);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String output() {
        try {
            return Files.readString(OUTPUT, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String find(Pattern pattern) {
        Matcher matcher = pattern.matcher(output());
        assertThat(matcher.find()).as("%s in:%n%s", pattern, output()).isTrue();
        return matcher.group(1);
    }

    private static Map<String, Object> bodyFor(String target, String shortCode) throws Exception {
        return received(target).stream()
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
        String json = get(SANDBOX + "/api/received?target=" + target + "&limit=500", Map.of())
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

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
