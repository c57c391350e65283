package org.herald.rendering.markdown;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.herald.rendering.RenderedMessage;
import org.herald.rendering.TemplateRenderer;
import org.herald.rendering.html.HtmlSanitizer;
import org.herald.rendering.html.HtmlTextForms;
import org.herald.rendering.text.HtmlText;
import org.herald.rendering.text.MarkdownText;
import org.jsoup.nodes.Document;

/**
 * {@code markdown}: CommonMark with GFM tables. pushplus allows HTML in markdown and breaks lines
 * at a single newline, so raw HTML is kept and the whole rendered page goes through {@link
 * HtmlSanitizer}, and soft line breaks become {@code <br>}. The robot markdown is the source as
 * written, except that raw HTML in it is replaced by its markdown form ({@code <br>} by a newline,
 * {@code <b>} by {@code **}, blocks converted, other tags dropped), since robots do not render
 * HTML, and links to anything but http(s), mailto and tel keep only their text.
 */
public final class MarkdownTemplate implements TemplateRenderer {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Pattern BREAK = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_TAG = Pattern.compile("</?[A-Za-z!][^>]*>");

    private final Parser parser = Parser.builder()
            .extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    private final HtmlRenderer html = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .sanitizeUrls(true)
            .softbreak("<br>\n")
            .build();
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    @Override
    public RenderedMessage render(String title, String content) {
        Node document = parser.parse(content);
        Document clean = sanitizer.clean(html.render(document));
        return new RenderedMessage(
                clean.body().html().strip(), HtmlTextForms.plainText(clean.body()), robotMarkdown(content));
    }

    /**
     * Strips HTML until none is left: removing {@code <script>} from {@code <scr<script>ipt>}
     * leaves a new tag, so one pass is not enough.
     */
    private String robotMarkdown(String source) {
        String markdown = source;
        for (int pass = 0; pass < 5; pass++) {
            Stripped stripped = stripHtmlOnce(markdown);
            if (stripped.text().equals(markdown) && !stripped.unlocated()) {
                return markdown;
            }
            markdown = stripped.text();
        }
        // Defence in depth for HTML that survived every pass: robots must never get tags.
        return ANY_TAG.matcher(markdown).replaceAll("");
    }

    private Stripped stripHtmlOnce(String source) {
        Node document = parser.parse(source);
        List<Replacement> replacements = new ArrayList<>();
        boolean[] unlocated = {false};
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline inline) {
                add(inline, inlineTag(inline.getLiteral()));
            }

            @Override
            public void visit(Link link) {
                if (isSafe(link.getDestination())) {
                    visitChildren(link);
                } else {
                    add(link, MarkdownText.escape(textOf(link), false));
                }
            }

            @Override
            public void visit(Image image) {
                if (isSafe(image.getDestination())) {
                    visitChildren(image);
                } else {
                    add(image, MarkdownText.escape(textOf(image), false));
                }
            }

            @Override
            public void visit(HtmlBlock block) {
                add(
                        block,
                        HtmlTextForms.markdown(
                                sanitizer.clean(block.getLiteral()).body()));
            }

            private void add(Node node, String replacement) {
                List<SourceSpan> spans = node.getSourceSpans();
                if (spans.isEmpty()) {
                    unlocated[0] = true;
                    return;
                }
                SourceSpan first = spans.get(0);
                SourceSpan last = spans.get(spans.size() - 1);
                replacements.add(
                        new Replacement(first.getInputIndex(), last.getInputIndex() + last.getLength(), replacement));
            }
        });
        replacements.sort(Comparator.comparingInt(Replacement::start).reversed());
        StringBuilder markdown = new StringBuilder(source);
        for (Replacement replacement : replacements) {
            markdown.replace(replacement.start(), replacement.end(), replacement.text());
        }
        String result = markdown.toString();
        return new Stripped(unlocated[0] ? ANY_TAG.matcher(result).replaceAll("") : result, unlocated[0]);
    }

    private record Stripped(String text, boolean unlocated) {}

    /** The markdown for an inline tag robots would not understand: breaks, bold, italics; else nothing. */
    private static String inlineTag(String literal) {
        if (BREAK.matcher(literal).matches()) {
            return "\n";
        }
        String tag = literal.toLowerCase(Locale.ROOT).replaceAll("[</>\\s]", "");
        return switch (tag) {
            case "b", "strong" -> "**";
            case "i", "em" -> "*";
            case "s", "del", "strike" -> "~~";
            default -> "";
        };
    }

    /** Robots get links to the web, mail and phone only; anything else keeps just its text. */
    private static boolean isSafe(String destination) {
        String lower = destination.strip().toLowerCase(Locale.ROOT);
        return HtmlText.isWebUrl(destination) || lower.startsWith("mailto:") || lower.startsWith("tel:");
    }

    private static String textOf(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text literal) {
                text.append(literal.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString();
    }

    private record Replacement(int start, int end, String text) {}
}
