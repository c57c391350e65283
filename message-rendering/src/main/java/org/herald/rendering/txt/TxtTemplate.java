package org.herald.rendering.txt;

import org.herald.rendering.RenderedMessage;
import org.herald.rendering.TemplateRenderer;
import org.herald.rendering.text.HtmlText;
import org.herald.rendering.text.MarkdownText;

/**
 * {@code txt}: the content is text, shown exactly as written. Tags are escaped, not interpreted
 * (our reading of pushplus' "不转义html"), line breaks become {@code <br>} and runs of spaces are
 * kept by {@code white-space:pre-wrap}. Also the fallback for unknown templates and for structured
 * templates whose content cannot be read.
 */
public final class TxtTemplate implements TemplateRenderer {

    static final String OPEN = "<div style=\"white-space:pre-wrap;word-break:break-word\">";

    @Override
    public RenderedMessage render(String title, String content) {
        return of(content);
    }

    public static RenderedMessage of(String content) {
        return new RenderedMessage(
                OPEN + HtmlText.escapeLines(content) + "</div>", content, MarkdownText.escapeLines(content));
    }
}
