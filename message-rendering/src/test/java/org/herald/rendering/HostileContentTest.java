package org.herald.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A corpus of hostile content, sent with every template (raw, and as the values of each structured
 * template's fields): the page HTML must carry nothing executable, and the robot markdown no
 * script link.
 */
class HostileContentTest {

    static final List<String> CORPUS = List.of(
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//evil.test/x.js></SCRIPT>",
            "\"><script>alert(1)</script>",
            "<scr<script>ipt>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<IMG SRC=\"javascript:alert(1)\">",
            "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
            "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
            "<a href=\" javascript:alert(1)\">x</a>",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<svg onload=alert(1)>",
            "<svg><script>alert(1)</script></svg>",
            "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
            "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "<object data=\"javascript:alert(1)\"></object>",
            "<embed src=\"javascript:alert(1)\">",
            "<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(1)\">x</button></form>",
            "<body onload=alert(1)>",
            "<details open ontoggle=alert(1)>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<div style=\"width:expression(alert(1))\">x</div>",
            "<p style=\"color:\\65xpression(alert(1))\">x</p>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<base href=\"javascript:alert(1)//\">",
            "<link rel=stylesheet href=\"javascript:alert(1)\">",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
            "<!--<img src=x onerror=alert(1)>-->",
            "<style>@import 'javascript:alert(1)';</style>",
            "[x](javascript:alert(1))",
            "[x](<javascript:alert(1)>)",
            "![x](javascript:alert(1))",
            "<javascript:alert(1)>",
            "[x][r]\n\n[r]: javascript:alert(1)",
            "[x](JAVASCRIPT:alert(1) \"t\")",
            "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
            "```\n</code><script>alert(1)</script>\n```",
            "{\"<script>alert(1)</script>\":\"<img src=x onerror=alert(1)>\"}",
            "{'a':'<svg onload=alert(1)>','b':{'c':'javascript:alert(1)'}}");

    static final List<String> TEMPLATES =
            List.of("html", "txt", "json", "markdown", "cloudMonitor", "jenkins", "route", "pay", "unknown");

    private static final Pattern SCRIPT_URL =
            Pattern.compile("^(javascript|vbscript|livescript|data):.*", Pattern.DOTALL);
    private static final Pattern IMAGE_DATA = Pattern.compile("^data:image/(png|jpe?g|gif|webp|bmp);base64,.*");
    private static final List<String> FORBIDDEN_ELEMENTS = List.of(
            "script",
            "iframe",
            "frame",
            "frameset",
            "object",
            "embed",
            "applet",
            "form",
            "input",
            "button",
            "textarea",
            "select",
            "svg",
            "math",
            "base",
            "meta",
            "link",
            "style",
            "noscript",
            "template");

    private static final MessageRenderer RENDERER = new MessageRenderer();
    private static final List<Extension> TABLES = List.of(TablesExtension.create());
    private static final Parser MARKDOWN = Parser.builder().extensions(TABLES).build();
    private static final HtmlRenderer NAIVE_ROBOT = HtmlRenderer.builder()
            .extensions(TABLES)
            .escapeHtml(false)
            .sanitizeUrls(false)
            .build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Arguments> hostile() {
        List<Arguments> cases = new ArrayList<>();
        for (String template : TEMPLATES) {
            for (String content : CORPUS) {
                cases.add(Arguments.of(template, content));
                cases.add(Arguments.of(template, asPayload(content)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("hostile")
    void shouldRenderNothingExecutable(String template, String content) {
        RenderedMessage rendered = RENDERER.render(template, content, content);

        assertNothingExecutable("page", rendered.pageHtml());
        // A robot that turns the markdown into HTML naively (raw HTML and any URL let through)
        // must still get nothing executable: no raw HTML outside code, no script links.
        assertNothingExecutable("robot markdown", NAIVE_ROBOT.render(MARKDOWN.parse(rendered.markdown())));
        if (rendered.link() != null) {
            assertThat(rendered.link()).startsWith("http");
        }
    }

    private static void assertNothingExecutable(String form, String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        for (String forbidden : FORBIDDEN_ELEMENTS) {
            assertThat(body.select(forbidden))
                    .as(form + ": " + forbidden + " in " + html)
                    .isEmpty();
        }
        for (Element element : body.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = normalised(attribute.getValue());
                assertThat(name).as(form + ": " + html).doesNotStartWith("on");
                assertThat(name).as(form + ": " + html).isNotIn("srcdoc", "formaction", "xlink:href", "action");
                if (SCRIPT_URL.matcher(value).matches()) {
                    assertThat(name.equals("src") && IMAGE_DATA.matcher(value).matches())
                            .as(form + ": " + name + "=" + value + " in " + html)
                            .isTrue();
                }
                if (name.equals("style")) {
                    assertThat(value).as(form + ": " + html).doesNotContain("expression", "url(", "javascript", "\\");
                }
            }
        }
    }

    /** The hostile text as the value of every field the structured templates read. */
    private static String asPayload(String hostile) {
        Map<String, Object> payload = new LinkedHashMap<>();
        for (String field : List.of(
                "alertName",
                "alertState",
                "curValue",
                "dimensions",
                "expression",
                "instanceName",
                "metricName",
                "preTriggerLevel",
                "triggerLevel",
                "timestamp",
                "product",
                "resourceId",
                "regionId",
                "name",
                "level",
                "status",
                "projectName",
                "buildNumber",
                "buildState",
                "buildUser",
                "costTime",
                "projectUrl",
                "buildLogUrl",
                "url",
                "amount",
                "payWay",
                "successTime",
                "orderNo",
                "payState",
                "upTIME",
                "cliIP",
                "cliNAME",
                "cliMAC")) {
            payload.put(field, hostile);
        }
        payload.put("msgTYPE", "newDHCP");
        payload.put("content", Map.of(hostile, hostile));
        payload.put("cliLISTS", List.of(Map.of("ip", hostile, "name", hostile)));
        payload.put("netSTATE", List.of(Map.of("wanDNS", List.of(hostile), "pubIPv4", hostile)));
        payload.put(hostile, hostile);
        return JSON.writeValueAsString(payload);
    }

    /** What a browser compares: lower case, without the whitespace and control characters it skips. */
    private static String normalised(String value) {
        StringBuilder kept = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c > ' ') {
                kept.append(Character.toLowerCase(c));
            }
        }
        return kept.toString();
    }
}
