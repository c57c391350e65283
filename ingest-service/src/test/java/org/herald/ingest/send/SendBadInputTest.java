package org.herald.ingest.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.herald.events.topic.Topics;
import org.herald.ingest.IngestIntegrationTest;
import org.herald.testservers.RealServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bad-input corpus of /send and /batchSend: every request here must be refused with its exact
 * pushplus code and message, HTTP 200 (decision 1), no stack trace, and nothing on herald.messages.
 * The offsets of herald.messages are compared around each request: /send answers only after a
 * publish would have been acknowledged, so a refused request that published would show.
 */
class SendBadInputTest extends IngestIntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String JSON_TYPE = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String UNKNOWN_TOKEN = "0123456789abcdef0123456789abcdef";
    private static final String FAR_PAST =
            Long.toString(Instant.parse("2020-01-01T00:00:00Z").toEpochMilli());
    private static final String LOOPBACK_OR_PRIVATE = "callbackUrl不能指向本机、内网或保留地址";

    private static TestAccount account;
    private static KafkaConsumer<String, byte[]> offsets;

    /** One request of the corpus, built once the account's token is known. */
    record Bad(Function<String, Req> request, int code, String msg) {}

    record Req(String method, String pathAndQuery, String contentType, byte[] body) {}

    @BeforeEach
    void accountWithAWebhook() {
        if (account == null) {
            account = newAccount(Map.of("name", "bad-input"));
            addWebhook(account, "flow1", 7, "https://hiflow.tencent.com/api/hook/abc123");
        }
    }

    @AfterAll
    static void closeConsumer() {
        if (offsets != null) {
            offsets.close();
            offsets = null;
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource({"sendCorpus", "batchCorpus"})
    void shouldRefuseWithTheExactCodeAndMessageAndPublishNothing(Bad bad) {
        Req request = bad.request().apply(account.token());
        long before = endOfMessages();

        Answer response = send(request);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body())
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("org.herald")
                .doesNotContain("org.springframework");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("code").asInt()).as(response.body()).isEqualTo(bad.code());
        assertThat(body.get("msg").asString()).as(response.body()).isEqualTo(bad.msg());
        assertThat(body.has("data")).isTrue();
        assertThat(body.get("data").isNull()).isTrue();
        assertThat(response.codeHeader()).isEqualTo(Integer.toString(bad.code()));
        assertThat(endOfMessages()).as("records on herald.messages").isEqualTo(before);
    }

    static Stream<Named<Bad>> sendCorpus() {
        List<Named<Bad>> cases = new ArrayList<>();

        // The body is not a JSON object.
        add(cases, "unterminated JSON", raw("{\"token\":"), 999, "请求体不是合法的JSON（第1行第10列附近）");
        add(cases, "JSON with an unquoted key", raw("{token:\"x\"}"), 999, "请求体不是合法的JSON（第1行第2列附近）");
        add(cases, "JSON with a trailing comma", raw("{\"token\":\"x\",}"), 999, "请求体不是合法的JSON（第1行第14列附近）");
        add(cases, "JSON array as body", raw("[{\"token\":\"x\"}]"), 999, "请求体必须是JSON对象");
        add(cases, "JSON number as body", raw("42"), 999, "请求体必须是JSON对象");
        add(cases, "JSON string as body", raw("\"hello\""), 999, "请求体必须是JSON对象");
        add(cases, "JSON null as body", raw("null"), 999, "请求体必须是JSON对象");
        add(cases, "JSON true as body", raw("true"), 999, "请求体必须是JSON对象");
        add(cases, "JSON array without a content type", token -> post(null, "[1,2]"), 999, "请求体必须是JSON对象");

        // Wrong content types.
        add(
                cases,
                "XML",
                token -> post("application/xml", "<token>" + token + "</token>"),
                999,
                unsupported("application/xml"));
        add(
                cases,
                "multipart",
                token -> post("multipart/form-data; boundary=x", "--x\r\n"),
                999,
                unsupported("multipart/form-data"));
        add(
                cases,
                "a well-formed multipart form",
                token -> post(
                        "multipart/form-data; boundary=x",
                        "--x\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\n" + token
                                + "\r\n--x\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\nc\r\n--x--\r\n"),
                999,
                unsupported("multipart/form-data"));
        add(
                cases,
                "plain text that is not JSON",
                token -> post("text/plain", "token=" + token),
                999,
                unsupported("text/plain"));
        add(cases, "HTML", token -> post("text/html", "<p>hi</p>"), 999, unsupported("text/html"));
        add(
                cases,
                "octet-stream",
                token -> post("application/octet-stream", "\u0001\u0002"),
                999,
                unsupported("application/octet-stream"));
        add(
                cases,
                "content type without a slash",
                token -> post("json", valid(token)),
                999,
                "无法识别的Content-Type，请使用application/json");
        add(
                cases,
                "content type with an unknown charset",
                token -> post("application/json; charset=klingon", valid(token)),
                999,
                "无法识别的Content-Type，请使用application/json");

        // Bytes that are not UTF-8, in the body and in the query.
        add(
                cases,
                "Latin-1 bytes in a JSON body",
                token -> new Req(
                        "POST",
                        "/send",
                        JSON_TYPE,
                        ("{\"token\":\"" + token + "\",\"content\":\"caf\u00e9\"}")
                                .getBytes(StandardCharsets.ISO_8859_1)),
                999,
                "请求体不是合法的UTF-8文本");
        add(
                cases,
                "a lone continuation byte in a form body",
                token -> new Req(
                        "POST", "/send", FORM, concat("token=" + token + "&content=", new byte[] {(byte) 0x80})),
                999,
                "请求体不是合法的UTF-8文本");
        add(
                cases,
                "invalid UTF-8 under the template-in-URL rule",
                token -> new Req(
                        "POST", "/send/" + token + "?template=txt", "text/plain", new byte[] {(byte) 0xC3, 0x28}),
                999,
                "请求体不是合法的UTF-8文本");
        add(
                cases,
                "percent-encoded 0xFF in the query",
                token -> get("/send?token=" + token + "&title=%FF&content=c"),
                999,
                "URL参数编码错误: 参数title不是合法的UTF-8文本");
        add(
                cases,
                "a truncated UTF-8 sequence in the query",
                token -> get("/send?token=" + token + "&content=%E4%BD"),
                999,
                "URL参数编码错误: 参数content不是合法的UTF-8文本");
        add(
                cases,
                "broken percent-encoding in the query",
                token -> get("/send?token=" + token + "&content=%ZZ"),
                999,
                "URL参数编码错误: 参数content不是合法的URL编码");
        add(
                cases,
                "a percent sign at the end of the query",
                token -> get("/send?token=" + token + "&content=50%"),
                999,
                "URL参数编码错误: 参数content不是合法的URL编码");
        add(
                cases,
                "broken percent-encoding in a form body",
                token -> post(FORM, "token=" + token + "&content=%G1"),
                999,
                "请求体编码错误: 参数content不是合法的URL编码");

        // Parameters given twice in one source (refused, decision in docs/decisions.md).
        add(
                cases,
                "token twice in the query",
                token -> get("/send?token=" + token + "&content=c&token=" + UNKNOWN_TOKEN),
                999,
                "URL参数中参数重复: token（每个参数只能出现一次）");
        add(
                cases,
                "content twice in a form body",
                token -> post(FORM, "token=" + token + "&content=a&content=b"),
                999,
                "请求体中参数重复: content（每个参数只能出现一次）");
        add(
                cases,
                "token twice in a JSON body",
                token -> post(
                        JSON_TYPE,
                        "{\"token\":\"" + token + "\",\"content\":\"c\",\"token\":\"" + UNKNOWN_TOKEN + "\"}"),
                999,
                "参数重复: token（每个参数只能出现一次）");

        // Lists and objects where text is expected.
        add(
                cases,
                "token as a list",
                token -> post(JSON_TYPE, "{\"token\":[\"" + token + "\"],\"content\":\"c\"}"),
                999,
                "参数token不能是数组或对象");
        add(
                cases,
                "token as an object",
                token -> post(JSON_TYPE, "{\"token\":{\"t\":\"" + token + "\"},\"content\":\"c\"}"),
                999,
                "参数token不能是数组或对象");
        add(cases, "title as a list", json(Map.of("title", "[\"a\"]")), 999, "参数title不能是数组或对象");
        add(cases, "channel as an object", json(Map.of("channel", "{\"name\":\"webhook\"}")), 999, "参数channel不能是数组或对象");
        add(cases, "webhook as a list", json(Map.of("webhook", "[\"flow1\"]")), 999, "参数webhook不能是数组或对象");
        add(cases, "template as a list", json(Map.of("template", "[\"txt\"]")), 999, "参数template不能是数组或对象");
        add(cases, "topic as an object", json(Map.of("topic", "{}")), 999, "参数topic不能是数组或对象");
        add(
                cases,
                "callbackUrl as a list",
                json(Map.of("callbackUrl", "[\"https://example.com\"]")),
                999,
                "参数callbackUrl不能是数组或对象");
        add(cases, "timestamp as an object", json(Map.of("timestamp", "{\"ms\":1}")), 999, "参数timestamp不能是数组或对象");
        add(cases, "to as a list of lists", json(Map.of("to", "[[\"a\"]]")), 999, "参数to必须是逗号分隔的字符串或字符串数组");
        add(cases, "to as an object", json(Map.of("to", "{\"a\":1}")), 999, "参数to必须是逗号分隔的字符串或字符串数组");

        // The token.
        add(cases, "no token", token -> post(JSON_TYPE, "{\"content\":\"c\"}"), 999, "token不能为空");
        add(cases, "empty token", token -> post(JSON_TYPE, "{\"token\":\"\",\"content\":\"c\"}"), 999, "token不能为空");
        add(cases, "blank token", token -> post(JSON_TYPE, "{\"token\":\"   \",\"content\":\"c\"}"), 999, "token不能为空");
        add(cases, "a GET with nothing", token -> get("/send"), 999, "token不能为空");
        add(cases, "unknown token", token -> post(JSON_TYPE, valid(UNKNOWN_TOKEN)), 903, "无效的用户token");
        add(
                cases,
                "token as a number",
                token -> post(JSON_TYPE, "{\"token\":12345,\"content\":\"c\"}"),
                903,
                "无效的用户token");
        add(
                cases,
                "unknown token in the path",
                token -> get("/send/" + UNKNOWN_TOKEN + "?content=c"),
                903,
                "无效的用户token");
        add(cases, "unknown token in a form", token -> post(FORM, "token=nope&content=c"), 903, "无效的用户token");

        // The content and the title.
        add(cases, "no content", token -> post(JSON_TYPE, "{\"token\":\"" + token + "\"}"), 999, "内容不能为空");
        add(cases, "empty content", json(Map.of("content", "\"\"")), 999, "内容不能为空");
        add(cases, "whitespace-only content", json(Map.of("content", "\"  \\t\\n \"")), 999, "内容不能为空");
        add(cases, "null content", json(Map.of("content", "null")), 999, "内容不能为空");
        add(cases, "no content in a form", token -> post(FORM, "token=" + token + "&content="), 999, "内容不能为空");
        add(
                cases,
                "content over 20000 characters",
                json(Map.of("content", quoted("x".repeat(20001)))),
                999,
                "内容长度不能超过20000个字符");
        add(cases, "title over 100 characters", json(Map.of("title", quoted("标".repeat(101)))), 999, "标题长度不能超过100个字符");
        add(
                cases,
                "a body over 512 KiB",
                json(Map.of("content", quoted("x".repeat(600_000)))),
                999,
                "请求体过大，最多524288字节");
        add(
                cases,
                "a body over 20000 characters under the template-in-URL rule",
                token -> new Req(
                        "POST",
                        "/send/" + token + "?template=txt&channel=webhook&webhook=flow1",
                        "text/plain",
                        "y".repeat(20001).getBytes(StandardCharsets.UTF_8)),
                999,
                "内容长度不能超过20000个字符");

        // Template, channel, webhook code.
        add(
                cases,
                "template in the URL and the token inside the JSON body",
                token -> new Req(
                        "POST",
                        "/send?template=markdown",
                        JSON_TYPE,
                        bytes("{\"token\":\"" + token + "\",\"content\":\"# hi\"}")),
                999,
                SendRequestReader.TOKEN_IN_FOREIGN_BODY);
        add(
                cases,
                "JSON followed by garbage",
                token -> post(JSON_TYPE, valid(token) + " trailing"),
                999,
                "请求体不是合法的JSON（第1行第106列附近）");
        add(
                cases,
                "two JSON objects in one body",
                token -> post(JSON_TYPE, "{\"token\":\"x\"}{\"token\":\"y\"}"),
                999,
                "请求体不是合法的JSON（第1行第14列附近）");
        String templates = "（可选: html, txt, json, markdown, cloudMonitor, jenkins, route, pay）";
        add(cases, "unknown template", json(Map.of("template", "\"nope\"")), 999, "不支持的模板: nope" + templates);
        add(
                cases,
                "unknown template in the URL with a foreign body",
                token -> new Req(
                        "POST",
                        "/send/" + token + "?template=grafana&channel=webhook&webhook=flow1",
                        JSON_TYPE,
                        "{\"alert\":1}".getBytes(StandardCharsets.UTF_8)),
                999,
                "不支持的模板: grafana" + templates);
        add(
                cases,
                "unknown channel",
                json(Map.of("channel", "\"pigeon\"")),
                999,
                "不支持的渠道: pigeon（可选: wechat, webhook, cp, mail, sms）");
        add(
                cases,
                "channel in capitals",
                json(Map.of("channel", "\"WEBHOOK\"")),
                999,
                "不支持的渠道: WEBHOOK（可选: wechat, webhook, cp, mail, sms）");
        add(cases, "sms to an account without a phone", json(Map.of("channel", "\"sms\"")), 999, "无用户接收消息（账户未绑定手机号）");
        add(
                cases,
                "webhook channel without a code",
                token -> post(JSON_TYPE, "{\"token\":\"" + token + "\",\"content\":\"c\",\"channel\":\"webhook\"}"),
                999,
                "webhook渠道需要webhook参数（webhook配置编码）");
        add(cases, "unknown webhook code", json(Map.of("webhook", "\"nope\"")), 999, "webhook配置不存在: nope");
        add(cases, "unknown option code", json(Map.of("option", "\"other\"")), 999, "webhook配置不存在: other");

        // The timestamp.
        add(
                cases,
                "timestamp a minute ago",
                token -> post(JSON_TYPE, valid(token, "\"timestamp\":" + (System.currentTimeMillis() - 60_000))),
                999,
                "消息已过期: timestamp早于服务器当前时间");
        add(cases, "timestamp in 2020", json(Map.of("timestamp", FAR_PAST)), 999, "消息已过期: timestamp早于服务器当前时间");
        add(cases, "negative timestamp", json(Map.of("timestamp", "-1")), 999, "消息已过期: timestamp早于服务器当前时间");
        add(cases, "zero timestamp", json(Map.of("timestamp", "0")), 999, "消息已过期: timestamp早于服务器当前时间");
        add(cases, "timestamp in seconds", json(Map.of("timestamp", "1632993318")), 999, "消息已过期: timestamp早于服务器当前时间");
        add(
                cases,
                "timestamp that is not a number",
                json(Map.of("timestamp", "\"tomorrow\"")),
                999,
                "timestamp必须是毫秒时间戳");
        add(cases, "timestamp with a fraction", json(Map.of("timestamp", "1.9e12")), 999, "timestamp必须是毫秒时间戳");
        add(
                cases,
                "timestamp beyond 64 bits",
                json(Map.of("timestamp", "99999999999999999999")),
                999,
                "timestamp必须是毫秒时间戳");
        add(
                cases,
                "timestamp in year 292 million",
                json(Map.of("timestamp", Long.toString(Long.MAX_VALUE))),
                999,
                "timestamp超出范围: 最晚为当前时间之后365天（timestamp是毫秒时间戳）");

        // The recipients.
        add(
                cases,
                "eleven recipients",
                json(Map.of("to", quoted(String.join(",", Collections.nCopies(11, "friend"))))),
                999,
                "to最多10个接收人，本次11个");
        add(
                cases,
                "a thousand recipients as a list",
                json(Map.of("to", "[" + String.join(",", Collections.nCopies(1000, "\"f\"")) + "]")),
                999,
                "to最多10个接收人，本次1000个");

        // The callbackUrl.
        add(cases, "ftp callbackUrl", callback("ftp://example.com/cb"), 999, "callbackUrl必须是http或https地址");
        add(cases, "javascript callbackUrl", callback("javascript:alert(1)"), 999, "callbackUrl必须是http或https地址");
        add(cases, "file callbackUrl", callback("file:///etc/passwd"), 999, "callbackUrl必须是http或https地址");
        add(cases, "relative callbackUrl", callback("/callback"), 999, "callbackUrl必须是http或https地址");
        add(cases, "callbackUrl without a host", callback("http:///callback"), 999, "callbackUrl缺少主机名");
        add(cases, "callbackUrl that is only a scheme", callback("http://"), 999, "callbackUrl不是合法的URL");
        add(
                cases,
                "callbackUrl with a space in the host",
                callback("http://exa mple.com/"),
                999,
                "callbackUrl不是合法的URL");
        add(
                cases,
                "callbackUrl over 1024 characters",
                callback("https://example.com/" + "a".repeat(1010)),
                999,
                "callbackUrl长度不能超过1024个字符");
        add(
                cases,
                "callbackUrl with credentials",
                callback("https://user:secret@example.com/cb"),
                999,
                "callbackUrl不能包含用户名或密码");
        add(cases, "loopback callbackUrl", callback("http://127.0.0.1:8080/cb"), 999, LOOPBACK_OR_PRIVATE);
        add(cases, "localhost callbackUrl", callback("http://localhost/cb"), 999, LOOPBACK_OR_PRIVATE);
        add(cases, "decimal loopback callbackUrl", callback("http://2130706433/cb"), 999, LOOPBACK_OR_PRIVATE);
        add(cases, "hexadecimal loopback callbackUrl", callback("http://0x7f000001/cb"), 999, LOOPBACK_OR_PRIVATE);
        add(cases, "octal loopback callbackUrl", callback("http://0177.0.0.1/cb"), 999, LOOPBACK_OR_PRIVATE);
        add(cases, "short loopback callbackUrl", callback("http://127.1/cb"), 999, LOOPBACK_OR_PRIVATE);
        add(cases, "IPv6 loopback callbackUrl", callback("http://[::1]/cb"), 999, LOOPBACK_OR_PRIVATE);
        add(
                cases,
                "IPv4-mapped loopback callbackUrl",
                callback("http://[::ffff:127.0.0.1]/cb"),
                999,
                LOOPBACK_OR_PRIVATE);
        add(cases, "10/8 callbackUrl", callback("http://10.0.0.7/cb"), 999, LOOPBACK_OR_PRIVATE);
        add(cases, "172.16/12 callbackUrl", callback("https://172.20.1.1/cb"), 999, LOOPBACK_OR_PRIVATE);
        add(cases, "192.168/16 callbackUrl", callback("http://192.168.1.1/cb"), 999, LOOPBACK_OR_PRIVATE);
        add(
                cases,
                "cloud metadata callbackUrl",
                callback("http://169.254.169.254/latest/meta-data/"),
                999,
                LOOPBACK_OR_PRIVATE);
        add(cases, "0.0.0.0 callbackUrl", callback("http://0.0.0.0:8081/cb"), 999, LOOPBACK_OR_PRIVATE);
        return cases.stream();
    }

    static Stream<Named<Bad>> batchCorpus() {
        List<Named<Bad>> cases = new ArrayList<>();
        add(
                cases,
                "batchSend without a token",
                token -> new Req("POST", "/batchSend", JSON_TYPE, bytes("{\"content\":\"c\",\"channel\":\"webhook\"}")),
                999,
                "token不能为空");
        add(
                cases,
                "batchSend with an unknown token",
                token -> new Req(
                        "POST",
                        "/batchSend",
                        JSON_TYPE,
                        bytes("{\"token\":\"" + UNKNOWN_TOKEN
                                + "\",\"content\":\"c\",\"channel\":\"webhook,mail\",\"option\":\"flow1,\"}")),
                903,
                "无效的用户token");
        add(
                cases,
                "batchSend with eleven channels",
                token -> new Req(
                        "POST",
                        "/batchSend/" + token,
                        JSON_TYPE,
                        bytes("{\"content\":\"c\",\"channel\":\"" + String.join(",", Collections.nCopies(11, "webhook"))
                                + "\"}")),
                999,
                "channel最多10个渠道，本次11个");
        add(
                cases,
                "batchSend with more options than channels",
                token -> new Req(
                        "POST",
                        "/batchSend",
                        JSON_TYPE,
                        bytes("{\"token\":\"" + token
                                + "\",\"content\":\"c\",\"channel\":\"webhook,mail\",\"option\":\"a,b,c\"}")),
                999,
                "option的个数（3）多于channel的个数（2），请按channel的位置逐个填写");
        add(
                cases,
                "batchSend with malformed JSON",
                token -> new Req("POST", "/batchSend", JSON_TYPE, bytes("{\"token\":")),
                999,
                "请求体不是合法的JSON（第1行第10列附近）");
        add(
                cases,
                "batchSend with channels as a list",
                token -> new Req(
                        "POST",
                        "/batchSend",
                        JSON_TYPE,
                        bytes("{\"token\":\"" + token + "\",\"content\":\"c\",\"channel\":[\"webhook\"]}")),
                999,
                "参数channel不能是数组或对象");
        add(
                cases,
                "batchSend with invalid UTF-8",
                token -> new Req("GET", "/batchSend?token=" + token + "&content=%C0%AF", null, null),
                999,
                "URL参数编码错误: 参数content不是合法的UTF-8文本");
        return cases.stream();
    }

    private static void add(List<Named<Bad>> cases, String name, Function<String, Req> request, int code, String msg) {
        cases.add(Named.of(name, new Bad(request, code, msg)));
    }

    /** A valid webhook send with one field added or replaced (values are raw JSON). */
    private static Function<String, Req> json(Map<String, String> fields) {
        return token -> {
            Map<String, String> all = new java.util.LinkedHashMap<>();
            all.put("token", quoted(token));
            all.put("content", quoted("bad-input"));
            all.put("channel", quoted("webhook"));
            all.put("webhook", quoted("flow1"));
            all.putAll(fields);
            StringBuilder body = new StringBuilder("{");
            all.forEach((name, value) -> body.append(body.length() > 1 ? "," : "")
                    .append(quoted(name))
                    .append(':')
                    .append(value));
            return post(JSON_TYPE, body.append('}').toString());
        };
    }

    private static Function<String, Req> callback(String url) {
        return json(Map.of("callbackUrl", quoted(url)));
    }

    private static Function<String, Req> raw(String body) {
        return token -> post(JSON_TYPE, body);
    }

    private static String valid(String token, String... extra) {
        String more = extra.length == 0 ? "" : "," + String.join(",", extra);
        return "{\"token\":\"" + token + "\",\"content\":\"bad-input\",\"channel\":\"webhook\",\"webhook\":\"flow1\""
                + more + "}";
    }

    private static String unsupported(String type) {
        return "不支持的Content-Type: " + type + "，请使用application/json或application/x-www-form-urlencoded";
    }

    private static String quoted(String text) {
        return JSON.writeValueAsString(text);
    }

    private static Req post(String contentType, String body) {
        return new Req("POST", "/send", contentType, bytes(body));
    }

    private static Req get(String pathAndQuery) {
        return new Req("GET", pathAndQuery, null, null);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(String head, byte[] tail) {
        byte[] start = bytes(head);
        byte[] all = java.util.Arrays.copyOf(start, start.length + tail.length);
        System.arraycopy(tail, 0, all, start.length, tail.length);
        return all;
    }

    /** What came back: status, body, and the code header the gateway reads. */
    record Answer(int status, String body, String codeHeader) {}

    private Answer send(Req request) {
        URI uri;
        try {
            uri = URI.create("http://127.0.0.1:" + port + request.pathAndQuery());
        } catch (IllegalArgumentException e) {
            // java.net.http refuses to send a malformed URL; a client that does not care still can.
            return sendOverSocket(request);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(20))
                .method(
                        request.method(),
                        request.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        try {
            HttpResponse<String> response =
                    CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("X-Herald-Code").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** HTTP/1.0 by hand: no chunking, the answer ends when the server closes. */
    private Answer sendOverSocket(Req request) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            String head = request.method() + " " + request.pathAndQuery() + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            String headers = answer.substring(0, split);
            String codeHeader = headers.lines()
                    .filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("x-herald-code:"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse(null);
            int status = Integer.parseInt(headers.split(" ", 3)[1]);
            return new Answer(status, answer.substring(split + 4), codeHeader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sum of herald.messages' end offsets: it moves with every record published. */
    private static long endOfMessages() {
        if (offsets == null) {
            offsets = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    RealServers.kafka().bootstrapServers(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                    false,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    ByteArrayDeserializer.class));
        }
        String topic = Topics.MESSAGES.name();
        List<TopicPartition> partitions = offsets.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        return offsets.endOffsets(partitions).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }
}
