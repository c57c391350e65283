package org.herald.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.herald.gateway.RecordingBackend.Received;
import org.herald.testservers.RealServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiGatewayRoutingTest {

    private static final RecordingBackend ingest = RecordingBackend.start("ingest");
    private static final RecordingBackend sms = RecordingBackend.start("channel-sms");
    private static final RecordingBackend callback = RecordingBackend.start("callback-service");
    private static final RecordingBackend wechat = RecordingBackend.start("channel-wechat");

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        // The environment variables of the deployment, so the placeholders in application.yml are tested too.
        registry.add("INGEST_URL", ingest::url);
        RealServers.registerRedis(registry);
        registry.add("CHANNEL_SMS_URL", sms::url);
        registry.add("CHANNEL_WECHAT_URL", wechat::url);
        registry.add("CALLBACK_SERVICE_URL", callback::url);
        registry.add("SANDBOX_URL", RecordingBackend::deadUrl);
    }

    @AfterAll
    static void stopBackends() {
        ingest.close();
        sms.close();
        callback.close();
        wechat.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        ingest.clear();
        sms.clear();
        callback.clear();
        wechat.clear();
    }

    @Test
    void shouldForwardJsonSendBodyByteForByteAndRelayTheAnswer() throws Exception {
        String json = "{\"token\":\"0123456789abcdef0123456789abcdef\",\n  \"title\":\"标题 \\\"引号\\\"\","
                + "\"content\":\"<b>内容</b> & more\",\"channel\":\"webhook\",\"webhook\":\"demo\"}";
        byte[] sent = json.getBytes(StandardCharsets.UTF_8);

        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(gateway("/send"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(sent))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        Received received = ingest.next();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.rawPath()).isEqualTo("/send");
        assertThat(received.rawQuery()).isNull();
        assertThat(received.header("Content-Type")).isEqualTo("application/json");
        assertThat(received.body()).isEqualTo(sent);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(RecordingBackend.ANSWER);
        assertThat(response.headers().firstValue("X-Backend")).hasValue("ingest");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
    }

    @Test
    void shouldKeepPathAndQueryOfSendWithToken() throws Exception {
        HttpResponse<String> response =
                get("/send/0123456789abcdef0123456789abcdef?title=x&content=%E4%BD%A0%E5%A5%BD+a%26b");

        Received received = ingest.next();
        assertThat(received.method()).isEqualTo("GET");
        assertThat(received.rawPath()).isEqualTo("/send/0123456789abcdef0123456789abcdef");
        assertThat(received.rawQuery()).isEqualTo("title=x&content=%E4%BD%A0%E5%A5%BD+a%26b");
        assertThat(response.body()).isEqualTo(RecordingBackend.ANSWER);
    }

    @Test
    void shouldForwardFormBodyUntouched() throws Exception {
        String form = "token=0123456789abcdef0123456789abcdef&title=a+b&content=%E4%BD%A0%E5%A5%BD&channel=webhook";

        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(gateway("/send"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        Received received = ingest.next();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(received.bodyText()).isEqualTo(form);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/m/0123456789abcdef0123456789abcdef",
                "/send",
                "/batchSend",
                "/batchSend/0123456789abcdef0123456789abcdef",
                "/api/open/message/sendMessageResult?shortCode=0123456789abcdef0123456789abcdef",
                "/shortMessage/0123456789abcdef0123456789abcdef",
                "/assets/herald-icon.png",
                "/v3/api-docs/pushplus",
                "/v3/api-docs",
                "/swagger-ui.html",
                "/swagger-ui/index.html",
                "/api/open/message/callbackLogs"
            })
    void shouldRouteIngestPathsToIngest(String pathAndQuery) throws Exception {
        HttpResponse<String> response = get(pathAndQuery);

        Received received = ingest.next();
        String expected =
                received.rawQuery() == null ? received.rawPath() : received.rawPath() + "?" + received.rawQuery();
        assertThat(expected).isEqualTo(pathAndQuery);
        assertThat(response.headers().firstValue("X-Backend")).hasValue("ingest");
        assertThat(sms.receivedNothing()).isTrue();
    }

    @Test
    void shouldRouteOtpToChannelSms() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(gateway("/otp/send"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"phone\":\"13800138000\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        Received received = sms.next();
        assertThat(received.rawPath()).isEqualTo("/otp/send");
        assertThat(received.bodyText()).isEqualTo("{\"phone\":\"13800138000\"}");
        assertThat(response.headers().firstValue("X-Backend")).hasValue("channel-sms");
        assertThat(ingest.receivedNothing()).isTrue();
    }

    @Test
    void shouldRouteCallbackLogsToCallbackServiceAheadOfIngest() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(gateway("/api/callback/logs?shortCode=abc"))
                        .header("X-Admin-Key", "admin-key")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        Received received = callback.next();
        assertThat(received.rawPath()).isEqualTo("/api/callback/logs");
        assertThat(received.rawQuery()).isEqualTo("shortCode=abc");
        assertThat(received.header("X-Admin-Key")).isEqualTo("admin-key");
        assertThat(response.headers().firstValue("X-Backend")).hasValue("callback-service");
        assertThat(ingest.receivedNothing()).isTrue();
    }

    @Test
    void shouldRouteWechatServerEventsToChannelWechat() throws Exception {
        String xml = "<xml><MsgType><![CDATA[event]]></MsgType></xml>";

        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(gateway("/wechat/callback?signature=s&timestamp=1&nonce=n"))
                        .header("Content-Type", "text/xml")
                        .POST(HttpRequest.BodyPublishers.ofString(xml))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        Received received = wechat.next();
        assertThat(received.rawPath()).isEqualTo("/wechat/callback");
        assertThat(received.rawQuery()).isEqualTo("signature=s&timestamp=1&nonce=n");
        assertThat(received.bodyText()).isEqualTo(xml);
        assertThat(response.headers().firstValue("X-Backend")).hasValue("channel-wechat");
    }

    @Test
    void shouldNotRouteTheSandboxOutsideTheLocalProfile() throws Exception {
        HttpResponse<String> response = get("/sandbox/wecom/cgi-bin/webhook/send");

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void shouldTellTheBackendWhoCalledWithoutPassingOnTheGatewayHost() throws Exception {
        get("/m/0123456789abcdef0123456789abcdef");

        Received received = ingest.next();
        assertThat(received.header("Host")).isEqualTo("127.0.0.1:" + ingest.port());
        assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("localhost:" + port);
    }

    @Test
    void shouldNotPassOnAForwardedHeaderTheCallerWrote() throws Exception {
        http.send(
                HttpRequest.newBuilder(gateway("/m/0123456789abcdef0123456789abcdef"))
                        .header("Forwarded", "for=203.0.113.7;proto=https")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        Received received = ingest.next();
        assertThat(received.header("Forwarded")).isNull();
        assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
    }

    @Test
    void shouldAnswerUnknownPathWithPushplus404() throws Exception {
        HttpResponse<String> response = get("/sendx/abc");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(response.body()).isEqualTo("{\"code\":404,\"msg\":\"接口不存在: /sendx/abc\",\"data\":null}");
        assertThat(ingest.receivedNothing()).isTrue();
    }

    @Test
    void shouldNotOfferTheCircuitBreakerFallbackAsAnInterface() throws Exception {
        HttpResponse<String> response = get("/fallback/busy");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"code\":404,\"msg\":\"接口不存在: /fallback/busy\",\"data\":null}");
    }

    @Test
    void shouldAnswerUnknownPathOfAnyMethodWithPushplus404() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(gateway("/nothing/here"))
                        .POST(HttpRequest.BodyPublishers.ofString("x=1"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"code\":404,\"msg\":\"接口不存在: /nothing/here\",\"data\":null}");
    }

    @Test
    void shouldAnswerWrongMethodWithPushplus405() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(gateway("/actuator/health"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body())
                .isEqualTo("{\"code\":405,\"msg\":\"请求方法不支持: POST /actuator/health\",\"data\":null}");
    }

    @Test
    void shouldAnswerPushplus503WhenTheBackendIsDown() throws Exception {
        wechat.stop();
        HttpResponse<String> response;
        try {
            response = get("/wechat/event");
        } finally {
            wechat.restart();
        }

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(response.body()).isEqualTo("{\"code\":500,\"msg\":\"服务繁忙，请稍后重试\",\"data\":null}");
    }

    @Test
    void shouldReportItselfHealthy() throws Exception {
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(
                HttpRequest.newBuilder(gateway(pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI gateway(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }
}
