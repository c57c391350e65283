package org.herald.ingest.page;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.herald.ingest.message.MessageRecord;
import org.herald.rendering.MessageRenderer;
import org.herald.rendering.text.HtmlText;

/**
 * The message detail page that WeChat cards and robot messages link to: title, sender and time,
 * then the content rendered per its template by message-rendering, whose page HTML is sanitised
 * (no script, no event handlers, no script URLs). The title is escaped here. Mobile first: one
 * narrow column, wide tables and code scroll sideways, images shrink to the screen.
 */
public final class MessagePage {

    /** Stateless and thread-safe; one for every page. */
    private static final MessageRenderer RENDERER = new MessageRenderer();

    static final String SENDER = "Herald";
    static final String ICON = "/assets/herald-icon.png";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private static final String STYLE =
            """
            :root{color-scheme:light dark}
            body{margin:0;background:#f4f5f7;color:#1f2329;font:16px/1.6 -apple-system,BlinkMacSystemFont,"Segoe UI",\
            "PingFang SC","Hiragino Sans GB","Microsoft YaHei",sans-serif}
            main{max-width:720px;margin:0 auto;padding:24px 16px}
            article{background:#fff;border-radius:12px;padding:24px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
            h1{font-size:22px;line-height:1.4;margin:0 0 12px;word-break:break-word}
            .meta{display:flex;align-items:center;gap:8px;color:#8f959e;font-size:14px;margin-bottom:20px}
            .meta img{width:20px;height:20px;border-radius:4px}
            .sender{color:#3370ff;font-weight:600}
            .content{word-break:break-word;overflow-wrap:anywhere}
            .content img{max-width:100%;height:auto}
            .content table{border-collapse:collapse;display:block;overflow-x:auto;max-width:100%}
            .content th,.content td{border:1px solid #dee0e3;padding:4px 8px}
            .content pre{overflow-x:auto;background:rgba(127,127,127,.1);padding:12px;border-radius:6px}
            .content h2{font-size:18px;margin:0 0 8px}
            .content blockquote{margin:0;padding-left:12px;border-left:3px solid #dee0e3;color:#646a73}
            .content a{color:#3370ff}
            .empty{text-align:center;color:#8f959e;padding:48px 0}
            @media (prefers-color-scheme:dark){body{background:#17181a;color:#e6e6e6}article{background:#232427}}
            """;

    private MessagePage() {}

    public static String render(MessageRecord message) {
        String title = message.title() == null ? "" : message.title();
        StringBuilder html = new StringBuilder(1024 + message.content().length() * 2);
        head(html, title.isBlank() ? SENDER + " 消息" : title);
        html.append("<main><article>\n");
        if (!title.isBlank()) {
            html.append("<h1>").append(HtmlText.escape(title)).append("</h1>\n");
        }
        html.append("<div class=\"meta\"><img src=\"")
                .append(ICON)
                .append("\" alt=\"\"><span class=\"sender\">")
                .append(SENDER)
                .append("</span><time datetime=\"")
                .append(message.createdAt())
                .append("\">")
                .append(TIME.format(message.createdAt()))
                .append("</time></div>\n");
        String body =
                RENDERER.render(message.template(), title, message.content()).pageHtml();
        html.append("<div class=\"content\">").append(body).append("</div>\n");
        html.append("</article></main>\n</body>\n</html>\n");
        return html.toString();
    }

    public static String notFound() {
        StringBuilder html = new StringBuilder(1024);
        head(html, "消息不存在");
        html.append("<main><article class=\"empty\"><h1>消息不存在</h1>")
                .append("<p>消息可能已被删除、已过期，或链接有误。</p></article></main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void head(StringBuilder html, String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(HtmlText.escape(title))
                .append("</title>\n<link rel=\"icon\" type=\"image/png\" href=\"")
                .append(ICON)
                .append("\">\n<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n");
    }
}
