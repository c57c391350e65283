package org.herald.sandbox.inbox;

import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inspection page: plain HTML, refreshing itself every two seconds. Everything that arrived is
 * escaped: the bodies come from whatever sent them, and the page must not run what they contain.
 */
final class InboxPage {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String STYLE =
            """
            body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}
            h1{font-size:1.4rem;margin:0 0 .3rem}
            .hint{color:#666;margin:.2rem 0 1rem}
            section{border:1px solid #ddd;border-radius:6px;padding:.6rem .9rem;margin:.8rem 0}
            h2{font-size:1rem;margin:.1rem 0}
            .meta{color:#555;font-size:.85rem;margin:.2rem 0 .5rem}
            .ok{color:#1a7f37}.bad{color:#b42318}
            table{border-collapse:collapse;font-size:.8rem;margin-bottom:.5rem}
            td{border-top:1px solid #eee;padding:.1rem .6rem .1rem 0;vertical-align:top;font-family:monospace}
            pre{background:#f6f8fa;padding:.6rem;overflow:auto;font-size:.85rem;margin:0}
            """;

    private InboxPage() {}

    static String render(List<ReceivedRequest> requests, String target, int kept, int capacity) {
        StringBuilder html = new StringBuilder(4096)
                .append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"2\">")
                .append("<title>Herald provider sandbox</title><style>")
                .append(STYLE)
                .append("</style></head><body>\n<h1>Herald provider sandbox</h1>\n<p class=\"hint\">")
                .append(kept)
                .append(" of at most ")
                .append(capacity)
                .append(" requests kept, newest first");
        if (target != null && !target.isBlank()) {
            html.append(", showing target <b>").append(escape(target)).append("</b> (<a href=\"/\">show all</a>)");
        }
        html.append(
                ". JSON: <a href=\"/api/received\">/api/received</a>; clear with <code>DELETE /api/received</code>.</p>\n");
        if (requests.isEmpty()) {
            html.append("<p>Nothing received yet.</p>\n");
        }
        for (ReceivedRequest request : requests) {
            section(html, request);
        }
        return html.append("</body></html>\n").toString();
    }

    private static void section(StringBuilder html, ReceivedRequest request) {
        boolean ok = request.status() >= 200 && request.status() < 300;
        html.append("<section><h2>#")
                .append(request.id())
                .append(" <a href=\"/?target=")
                .append(escape(request.target()))
                .append("\">")
                .append(escape(request.target()))
                .append("</a> — ")
                .append(escape(request.method()))
                .append(' ')
                .append(escape(request.path()))
                .append("</h2>\n<p class=\"meta\">")
                .append(escape(request.receivedAt().toString()))
                .append(" · answered <span class=\"")
                .append(ok ? "ok" : "bad")
                .append("\">")
                .append(request.status())
                .append("</span> · ")
                .append(escape(request.verdict()))
                .append("</p>\n<table>");
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            for (String value : header.getValue()) {
                html.append("<tr><td>")
                        .append(escape(header.getKey()))
                        .append("</td><td>")
                        .append(escape(value))
                        .append("</td></tr>");
            }
        }
        html.append("</table>\n<pre>").append(escape(pretty(request.body()))).append("</pre></section>\n");
    }

    /** JSON indented for reading; anything else as it came. */
    static String pretty(String body) {
        if (body == null || body.isEmpty()) {
            return "(empty body)";
        }
        try {
            JsonNode tree = JSON.readTree(body);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (JacksonException e) {
            return body;
        }
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
