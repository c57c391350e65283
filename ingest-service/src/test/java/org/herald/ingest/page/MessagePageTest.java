package org.herald.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.herald.ingest.message.MessageRecord;
import org.junit.jupiter.api.Test;

class MessagePageTest {

    @Test
    void shouldEscapeTheTitleAndSanitiseHtmlContent() {
        String html = MessagePage.render(
                message("html", "<i>标题</i>", "<p>第一段<img src=x onerror=alert(1)></p><script>alert(2)</script>"));

        assertThat(html)
                .contains("<h1>&lt;i&gt;标题&lt;/i&gt;</h1>")
                .contains("<title>&lt;i&gt;标题&lt;/i&gt;</title>")
                .contains("<div class=\"content\"><p>第一段</p></div>")
                .doesNotContain("onerror", "alert(2)");
    }

    @Test
    void shouldShowTxtEscapedWithItsLineBreaks() {
        String html = MessagePage.render(message("txt", "t", "<b>一</b>\n'二'"));

        assertThat(html).contains("&lt;b&gt;一&lt;/b&gt;<br>&#39;二&#39;").doesNotContain("<b>");
    }

    @Test
    void shouldShowJsonAsOneKeyValueLinePerField() {
        String html = MessagePage.render(message("json", "t", "{'name':'名称','age':'18'}"));

        assertThat(html).contains("<strong>name</strong>： 名称</p>").contains("<strong>age</strong>： 18</p>");
    }

    @Test
    void shouldRenderMarkdownTables() {
        String html = MessagePage.render(message("markdown", "t", "| a | b |\n|---|---|\n| 1 | 2 |"));

        assertThat(html).contains("<table>").contains("<td>1</td>");
    }

    @Test
    void shouldShowTheTimeInChinaTime() {
        assertThat(MessagePage.render(message("html", "t", "c"))).contains(">2026-03-01 16:05:09</time>");
    }

    @Test
    void shouldLeaveOutAnEmptyTitle() {
        String html = MessagePage.render(message("html", "", "c"));

        assertThat(html).doesNotContain("<h1>").contains("<title>Herald 消息</title>");
    }

    @Test
    void shouldBeReadableOnAPhone() {
        assertThat(MessagePage.render(message("html", "t", "c")))
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains(".content img{max-width:100%");
    }

    private static MessageRecord message(String template, String title, String content) {
        Instant at = Instant.parse("2026-03-01T08:05:09Z");
        return new MessageRecord(
                "0123456789abcdef0123456789abcdef",
                UUID.randomUUID(),
                "webhook",
                template,
                title,
                content,
                null,
                0,
                "",
                at,
                at,
                false);
    }
}
