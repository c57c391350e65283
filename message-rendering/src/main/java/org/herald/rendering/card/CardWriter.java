package org.herald.rendering.card;

import org.herald.rendering.RenderedMessage;
import org.herald.rendering.card.Card.Entry;
import org.herald.rendering.card.Card.Group;
import org.herald.rendering.card.Card.Row;
import org.herald.rendering.text.HtmlText;
import org.herald.rendering.text.MarkdownText;

/**
 * Writes a {@link Card} in the three forms. Every label and value is escaped here, so templates
 * hand over raw payload text. Rows read {@code label： value} with the full-width colon pushplus
 * shows.
 */
public final class CardWriter {

    /** Between a label and its value, as pushplus writes it. */
    public static final String SEPARATOR = "： ";

    private static final String NOTE_STYLE = "color:#8f959e";
    private static final String GROUP_STYLE = "margin:0 0 0 1em";
    private static final String ROW_STYLE = "margin:4px 0;word-break:break-word";

    public RenderedMessage write(Card card) {
        StringBuilder html = new StringBuilder(512);
        StringBuilder plain = new StringBuilder(256);
        StringBuilder markdown = new StringBuilder(256);
        html.append("<div class=\"herald-card\">\n");
        if (card.heading() != null) {
            html.append("<h2>").append(HtmlText.escape(card.heading())).append("</h2>\n");
            plain.append(card.heading()).append('\n');
            markdown.append("**")
                    .append(MarkdownText.escapeLines(card.heading(), false))
                    .append("**\n");
        }
        if (card.subtitle() != null) {
            html.append("<p style=\"" + ROW_STYLE + "\"><strong>")
                    .append(HtmlText.escapeLines(card.subtitle()))
                    .append("</strong></p>\n");
            plain.append(card.subtitle()).append('\n');
            markdown.append(MarkdownText.escapeLines(card.subtitle())).append('\n');
        }
        for (Entry entry : card.entries()) {
            entry(entry, 0, html, plain, markdown);
        }
        if (card.link() != null && HtmlText.isWebUrl(card.link().url())) {
            String url = card.link().url().strip();
            html.append("<p style=\"" + ROW_STYLE + "\"><a href=\"")
                    .append(HtmlText.escape(url))
                    .append("\" rel=\"nofollow noopener noreferrer\">")
                    .append(HtmlText.escape(card.link().text()))
                    .append("</a></p>\n");
            plain.append(card.link().text()).append(SEPARATOR).append(url).append('\n');
            markdown.append('[')
                    .append(MarkdownText.escapeLines(card.link().text(), false))
                    .append("](")
                    .append(url.replace("(", "%28").replace(")", "%29").replace(" ", "%20"))
                    .append(")\n");
        }
        if (card.note() != null) {
            html.append("<p style=\"" + NOTE_STYLE + "\">")
                    .append(HtmlText.escapeLines(card.note()))
                    .append("</p>\n");
            plain.append(card.note()).append('\n');
            markdown.append(MarkdownText.escapeLines(card.note())).append('\n');
        }
        html.append("</div>");
        return new RenderedMessage(
                html.toString(), plain.toString().strip(), markdown.toString().strip(), card.fields(), null);
    }

    private static void entry(Entry entry, int depth, StringBuilder html, StringBuilder plain, StringBuilder markdown) {
        String indent = "  ".repeat(depth);
        String bullet = depth == 0 ? "" : "  ".repeat(depth - 1) + "- ";
        if (entry instanceof Row row) {
            html.append("<p style=\"" + ROW_STYLE + "\"><strong>")
                    .append(HtmlText.escape(row.label()))
                    .append("</strong>")
                    .append(separator(row.value()))
                    .append(HtmlText.escapeLines(row.value()))
                    .append("</p>\n");
            plain.append(indent)
                    .append(row.label())
                    .append(separator(row.value()))
                    .append(row.value().replace("\n", "\n" + indent))
                    .append('\n');
            markdown.append(bullet)
                    .append("**")
                    .append(MarkdownText.escapeLines(row.label(), false))
                    .append("**")
                    .append(separator(row.value()))
                    .append(MarkdownText.escapeLines(row.value(), false).replace("\n", "\n" + "  ".repeat(depth)))
                    .append('\n');
        } else if (entry instanceof Group group) {
            html.append("<p style=\"" + ROW_STYLE + "\"><strong>")
                    .append(HtmlText.escape(group.label()))
                    .append("</strong>：</p>\n<div style=\"" + GROUP_STYLE + "\">\n");
            plain.append(indent).append(group.label()).append("：\n");
            markdown.append(bullet)
                    .append("**")
                    .append(MarkdownText.escapeLines(group.label(), false))
                    .append("**：\n");
            for (Entry child : group.entries()) {
                entry(child, depth + 1, html, plain, markdown);
            }
            html.append("</div>\n");
        }
    }

    /** No trailing space after the colon of an empty value. */
    private static String separator(String value) {
        return value.isEmpty() ? SEPARATOR.strip() : SEPARATOR;
    }
}
