package org.herald.rendering.html;

import java.util.regex.Pattern;
import org.herald.rendering.RenderedMessage;
import org.herald.rendering.TemplateRenderer;
import org.herald.rendering.txt.TxtTemplate;
import org.jsoup.nodes.Document;

/**
 * {@code html} (pushplus' default): the content is an HTML fragment, shown sanitised (see {@link
 * HtmlSanitizer}). Content without a single tag or character reference is plain text sent with the
 * default template, so it is shown as {@code txt} and keeps its line breaks instead of running them
 * together ({@code a < b & c} included).
 */
public final class HtmlTemplate implements TemplateRenderer {

    /** A tag, comment or character reference: what makes content HTML rather than text. */
    private static final Pattern MARKUP = Pattern.compile("<[A-Za-z!/]|&(#\\d+|#[xX]\\p{XDigit}+|[A-Za-z]+\\d*);");

    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    @Override
    public RenderedMessage render(String title, String content) {
        if (!MARKUP.matcher(content).find()) {
            return TxtTemplate.of(content);
        }
        Document clean = sanitizer.clean(content);
        return new RenderedMessage(
                clean.body().html().strip(),
                HtmlTextForms.plainText(clean.body()),
                HtmlTextForms.markdown(clean.body()));
    }
}
