package org.herald.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.herald.ingest.message.MessageRecord;
import org.junit.jupiter.api.Test;

class MessagePageTest {

    @Test
    void shouldEscapeEveryTagAndKeepTheLineBreaks() {
        String html = MessagePage.render(message("<i>标题</i>", "<img src=x onerror=alert(1)>\n'二'"));

        assertThat(html)
                .contains("<h1>&lt;i&gt;标题&lt;/i&gt;</h1>")
                .contains("<div class=\"content\">&lt;img src=x onerror=alert(1)&gt;\n&#39;二&#39;</div>")
                .contains("<title>&lt;i&gt;标题&lt;/i&gt;</title>")
                .doesNotContain("<img src=x");
    }

    @Test
    void shouldShowTheTimeInChinaTime() {
        assertThat(MessagePage.render(message("t", "c"))).contains(">2026-03-01 16:05:09</time>");
    }

    @Test
    void shouldLeaveOutAnEmptyTitle() {
        String html = MessagePage.render(message("", "c"));

        assertThat(html).doesNotContain("<h1>").contains("<title>Herald 消息</title>");
    }

    private static MessageRecord message(String title, String content) {
        Instant at = Instant.parse("2026-03-01T08:05:09Z");
        return new MessageRecord(
                "0123456789abcdef0123456789abcdef",
                UUID.randomUUID(),
                "webhook",
                "html",
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
