package org.herald.rendering.html;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;
import org.herald.rendering.text.HtmlText;
import org.herald.rendering.text.MarkdownText;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The plain-text and robot-markdown forms of sanitised HTML. Block elements and {@code <br>} end
 * lines; list items get {@code - } or {@code 1. }; table cells are joined with {@code  | }; images
 * become their alt text (or [图片]). The markdown form keeps bold, italics, strikethrough, code,
 * headings, links and http(s) images, and escapes the text in between.
 */
public final class HtmlTextForms {

    private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\n\\f\\r]+");
    private static final Pattern MANY_BLANK_LINES = Pattern.compile("\n{3,}");
    private static final Pattern TRAILING_SPACES = Pattern.compile("[ \\t]+\n");

    private HtmlTextForms() {}

    public static String plainText(Element root) {
        return new Writer(false).write(root);
    }

    public static String markdown(Element root) {
        return new Writer(true).write(root);
    }

    private static final class Writer {
        private final boolean markdown;
        private final StringBuilder out = new StringBuilder();
        /** Line breaks owed before the next output: blocks end lines lazily so none trail. */
        private int pendingBreaks;

        private boolean inPre;
        /** Per open list: the next number of an ordered list, or -1 for a bulleted one. */
        private final Deque<int[]> lists = new ArrayDeque<>();

        Writer(boolean markdown) {
            this.markdown = markdown;
        }

        String write(Element root) {
            children(root);
            String text = TRAILING_SPACES.matcher(out.toString() + "\n").replaceAll("\n");
            return MANY_BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
        }

        private void children(Element element) {
            for (Node child : element.childNodes()) {
                node(child);
            }
        }

        private void node(Node node) {
            if (node instanceof TextNode text) {
                text(text.getWholeText());
            } else if (node instanceof Element element) {
                element(element);
            }
        }

        private void text(String raw) {
            if (inPre) {
                raw(raw);
                return;
            }
            String collapsed = WHITESPACE.matcher(raw).replaceAll(" ");
            if (pendingBreaks > 0 || atLineStart() || out.charAt(out.length() - 1) == ' ') {
                collapsed = collapsed.stripLeading();
            }
            if (collapsed.isEmpty()) {
                return;
            }
            flushBreaks();
            out.append(markdown ? MarkdownText.escape(collapsed, atLineStart()) : collapsed);
        }

        private void element(Element element) {
            String tag = element.normalName();
            switch (tag) {
                case "br" -> {
                    flushBreaks();
                    out.append('\n');
                }
                case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                    block();
                    if (markdown) {
                        raw("#".repeat(tag.charAt(1) - '0') + " ");
                    }
                    children(element);
                    block();
                }
                case "ul", "ol" -> {
                    block();
                    lists.push(new int[] {tag.equals("ol") ? 1 : -1});
                    children(element);
                    lists.pop();
                    block();
                }
                case "li" -> {
                    block();
                    int[] list = lists.isEmpty() ? new int[] {-1} : lists.peek();
                    String indent = "  ".repeat(Math.max(0, lists.size() - 1));
                    raw(indent + (list[0] < 0 ? "- " : (list[0]++) + ". "));
                    children(element);
                    block();
                }
                case "td", "th" -> {
                    if (element.elementSiblingIndex() > 0) {
                        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
                            out.setLength(out.length() - 1);
                        }
                        raw(" | ");
                    }
                    children(element);
                }
                case "hr" -> {
                    block();
                    if (markdown) {
                        pendingBreaks = 2;
                        raw("---");
                        block();
                    }
                }
                case "pre" -> pre(element);
                case "strong", "b" -> wrap(element, "**");
                case "em", "i" -> wrap(element, "*");
                case "del", "s", "strike" -> wrap(element, "~~");
                case "code" -> {
                    if (markdown && !inPre) {
                        raw("`" + element.text().replace("`", "'") + "`");
                    } else {
                        children(element);
                    }
                }
                case "a" -> link(element);
                case "img" -> image(element);
                case "p",
                        "div",
                        "section",
                        "article",
                        "header",
                        "footer",
                        "center",
                        "figure",
                        "figcaption",
                        "details",
                        "summary",
                        "table",
                        "thead",
                        "tbody",
                        "tfoot",
                        "tr",
                        "caption",
                        "blockquote",
                        "dl",
                        "dt",
                        "dd",
                        "address" -> {
                    block();
                    children(element);
                    block();
                }
                default -> children(element);
            }
        }

        private void pre(Element element) {
            block();
            if (markdown) {
                raw("```\n");
            }
            inPre = true;
            children(element);
            inPre = false;
            if (markdown) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                    out.append('\n');
                }
                out.append("```");
            }
            block();
        }

        private void wrap(Element element, String marker) {
            if (!markdown || inPre || element.text().isBlank()) {
                children(element);
                return;
            }
            raw(marker);
            children(element);
            out.append(marker);
        }

        private void link(Element element) {
            String href = element.attr("href").strip();
            if (href.isEmpty()) {
                children(element);
            } else if (markdown) {
                raw("[");
                children(element);
                out.append("](").append(markdownUrl(href)).append(')');
            } else {
                children(element);
                if (!href.equals(element.text().strip())) {
                    raw(" (" + href + ")");
                }
            }
        }

        private void image(Element element) {
            String alt = element.attr("alt").strip();
            String src = element.attr("src").strip();
            if (markdown && HtmlText.isWebUrl(src)) {
                raw("![" + MarkdownText.escape(alt, false) + "](" + markdownUrl(src) + ")");
            } else {
                text(alt.isEmpty() ? "[图片]" : alt);
            }
        }

        private void block() {
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                pendingBreaks = Math.max(pendingBreaks, 1);
            }
        }

        private void raw(String text) {
            flushBreaks();
            out.append(text);
        }

        private void flushBreaks() {
            if (pendingBreaks > 0 && out.length() > 0) {
                out.append("\n".repeat(pendingBreaks));
            }
            pendingBreaks = 0;
        }

        private boolean atLineStart() {
            return out.length() == 0 || out.charAt(out.length() - 1) == '\n';
        }

        private static String markdownUrl(String url) {
            return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29");
        }
    }
}
