package org.herald.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.herald.events.topic.Topics;
import org.herald.ingest.IngestIntegrationTest;
import org.herald.ingest.KafkaProbe;
import org.herald.ingest.TestHttp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MessagePageWebTest extends IngestIntegrationTest {

    @Test
    void shouldShowATxtMessageWithItsContentEscaped() {
        TestAccount account = newAccount();
        addWebhook(account, "flow1", 7, "https://hiflow.tencent.com/api/hook/1");
        String shortCode = sendAccepted(Map.of(
                "token", account.token(),
                "title", "发布 <v2>",
                "template", "txt",
                "content", "第一行<script>alert(1)</script>\n第二行 & \"引号\"",
                "channel", "webhook",
                "webhook", "flow1"));
        KafkaProbe.await(Topics.DELIVERIES_WEBHOOK.name(), r -> (shortCode + "-webhook-flow1")
                .equals(KafkaProbe.header(r, "ce_id")));

        for (String path : new String[] {"/m/" + shortCode, "/shortMessage/" + shortCode}) {
            TestHttp.Response page = http().get(path);

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.contentType()).isEqualToIgnoringCase("text/html;charset=UTF-8");
            assertThat(page.body())
                    .contains("<h1>发布 &lt;v2&gt;</h1>")
                    .contains("第一行&lt;script&gt;alert(1)&lt;/script&gt;<br>第二行 &amp; &quot;引号&quot;")
                    .contains(">Herald<")
                    .containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}</time>")
                    .doesNotContain("<script>");
            assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
        }
    }

    static Stream<Arguments> hostileContent() {
        return Stream.of(
                Arguments.of(
                        "html",
                        "<p onclick=alert(1)><b>粗体</b></p><script>alert(1)</script><img src=x onerror=alert(1)>"
                                + "<a href=\"javascript:alert(1)\">a</a><svg onload=alert(1)></svg>"
                                + "<iframe src=\"https://evil.test\"></iframe><a href=\"jav&#x09;ascript:alert(1)\">b</a>",
                        "<b>粗体</b>"),
                Arguments.of(
                        "markdown",
                        "**粗体** <script>alert(1)</script>\n[x](javascript:alert(1)) ![y](javascript:alert(1))\n\n"
                                + "<div onmouseover=\"alert(1)\"><img src=x onerror=alert(1)></div>\n\n"
                                + "| a |\n|---|\n| <svg onload=alert(1)> |",
                        "<strong>粗体</strong>"),
                Arguments.of(
                        "json",
                        "{'<script>alert(1)</script>':'<img src=x onerror=alert(1)>','粗体':'javascript:alert(1)'}",
                        "<strong>粗体</strong>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileContent")
    void shouldServeHostileContentWithNothingExecutable(String template, String content, String rendered) {
        TestAccount account = newAccount();
        addWebhook(account, "flow1", 7, "https://hiflow.tencent.com/api/hook/1");
        String shortCode = sendAccepted(Map.of(
                "token",
                account.token(),
                "title",
                "<script>alert(1)</script>",
                "template",
                template,
                "content",
                content.replace("\\n", "\n"),
                "channel",
                "webhook",
                "webhook",
                "flow1"));

        TestHttp.Response page = pageOnceStored("/m/" + shortCode);

        assertThat(page.body()).as("rendered per template").contains(rendered);
        Element body = Jsoup.parse(page.body()).body();
        assertThat(body.select("script, iframe, object, embed, form, svg, math, base, meta, link"))
                .as(page.body())
                .isEmpty();
        for (Element element : body.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey()).as(page.body()).doesNotStartWithIgnoringCase("on");
                assertThat(attribute.getValue().replaceAll("\\s", "").toLowerCase(Locale.ROOT))
                        .as(page.body())
                        .doesNotStartWith("javascript:");
            }
        }
        assertThat(page.header("Content-Security-Policy"))
                .contains("default-src 'none'")
                .doesNotContain("script-src");
    }

    @Test
    void shouldAnswerAnUnknownShortCodeWithA404Page() {
        TestHttp.Response unknown = http().get("/m/0123456789abcdef0123456789abcdef");
        TestHttp.Response malformed = http().get("/shortMessage/not-a-code");

        for (TestHttp.Response page : new TestHttp.Response[] {unknown, malformed}) {
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.contentType()).isEqualToIgnoringCase("text/html;charset=UTF-8");
            assertThat(page.body()).contains("消息不存在");
        }
    }

    /** The read model is written by the dispatcher once Kafka hands it the message: wait for it. */
    private TestHttp.Response pageOnceStored(String path) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        TestHttp.Response page = http().get(path);
        while (page.status() == 404 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            page = http().get(path);
        }
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page;
    }

    @Test
    void shouldServeTheIconAsARealPng() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://127.0.0.1:" + port + "/assets/herald-icon.png"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(response.body()).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
    }
}
