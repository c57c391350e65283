package org.herald.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.herald.events.topic.Topics;
import org.herald.ingest.IngestIntegrationTest;
import org.herald.ingest.KafkaProbe;
import org.herald.ingest.TestHttp;
import org.junit.jupiter.api.Test;

class MessagePageWebTest extends IngestIntegrationTest {

    @Test
    void shouldShowTheMessageWithItsContentEscaped() {
        TestAccount account = newAccount();
        addWebhook(account, "flow1", 7, "https://hiflow.tencent.com/api/hook/1");
        String shortCode = sendAccepted(Map.of(
                "token", account.token(),
                "title", "发布 <v2>",
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
                    .contains("第一行&lt;script&gt;alert(1)&lt;/script&gt;\n第二行 &amp; &quot;引号&quot;")
                    .contains(">Herald<")
                    .containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}</time>")
                    .doesNotContain("<script>");
            assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
        }
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
