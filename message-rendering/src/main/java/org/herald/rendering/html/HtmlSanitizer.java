package org.herald.rendering.html;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Cleans user HTML (the html template, and HTML inside markdown) down to what a message may show.
 *
 * <p>Allowed: jsoup's relaxed list (text formatting, headings, lists, tables, links, images) plus the
 * tags pushplus content commonly carries ({@code hr}, {@code font}, {@code center}, {@code del},
 * {@code mark}, {@code details} …), presentational attributes, and {@code style} restricted to a
 * list of layout and typography properties whose values cannot load or run anything (no
 * {@code url(}, {@code expression}, escapes or comments; no {@code position}, no negative
 * margins). Links: http, https,
 * mailto, tel. Images: http, https, and {@code data:image/png|jpeg|gif|webp|bmp;base64} (pushplus
 * allows base64 images, discouraged); never {@code data:image/svg+xml}.
 *
 * <p>Everything else goes: script, style, iframe, object, embed, form and inputs, svg and math,
 * every {@code on*} attribute, javascript:/vbscript:/data: URLs, relative links.
 */
public final class HtmlSanitizer {

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags(
                    "hr",
                    "font",
                    "center",
                    "del",
                    "ins",
                    "s",
                    "mark",
                    "small",
                    "big",
                    "tt",
                    "abbr",
                    "kbd",
                    "samp",
                    "var",
                    "section",
                    "article",
                    "header",
                    "footer",
                    "figure",
                    "figcaption",
                    "details",
                    "summary")
            .addAttributes(":all", "style", "title", "align", "dir")
            .addAttributes("font", "color", "size", "face")
            .addAttributes("table", "border", "cellpadding", "cellspacing", "bgcolor")
            .addAttributes("tr", "bgcolor", "valign")
            .addAttributes("td", "bgcolor", "valign", "nowrap")
            .addAttributes("th", "bgcolor", "valign", "nowrap")
            .addAttributes("details", "open")
            .addProtocols("a", "href", "tel")
            .addProtocols("img", "src", "data")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

    private static final Set<String> STYLE_PROPERTIES = Set.of(
            "color",
            "background-color",
            "font-size",
            "font-weight",
            "font-style",
            "font-family",
            "text-align",
            "text-decoration",
            "text-indent",
            "line-height",
            "letter-spacing",
            "vertical-align",
            "white-space",
            "word-break",
            "word-wrap",
            "overflow-wrap",
            "margin",
            "margin-top",
            "margin-right",
            "margin-bottom",
            "margin-left",
            "padding",
            "padding-top",
            "padding-right",
            "padding-bottom",
            "padding-left",
            "border",
            "border-top",
            "border-right",
            "border-bottom",
            "border-left",
            "border-color",
            "border-style",
            "border-width",
            "border-radius",
            "border-collapse",
            "border-spacing",
            "width",
            "max-width",
            "min-width",
            "height",
            "max-height",
            "min-height",
            "display",
            "list-style-type",
            "opacity");

    /** Colours, lengths, keywords, font names, rgb()/hsl(): nothing that can name a resource. */
    private static final Pattern STYLE_VALUE = Pattern.compile("[#%(),.\\w\\s'\"+-]*");

    private static final Pattern DATA_IMAGE =
            Pattern.compile("data:image/(png|jpe?g|gif|webp|bmp);base64,[A-Za-z0-9+/=\\s]*", Pattern.CASE_INSENSITIVE);

    /** The cleaned fragment as a document, for callers that derive text from it. */
    public Document clean(String html) {
        Document dirty = Jsoup.parseBodyFragment(html, "");
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        for (Element styled : clean.body().select("[style]")) {
            String style = safeStyle(styled.attr("style"));
            if (style.isEmpty()) {
                styled.removeAttr("style");
            } else {
                styled.attr("style", style);
            }
        }
        for (Element image : clean.body().select("img[src]")) {
            String src = image.attr("src").strip();
            if (src.toLowerCase(Locale.ROOT).startsWith("data:")
                    && !DATA_IMAGE.matcher(src).matches()) {
                image.removeAttr("src");
            }
        }
        // An image whose source was dropped shows nothing but a broken-image icon.
        clean.body().select("img:not([src])").remove();
        clean.outputSettings()
                .prettyPrint(false)
                .charset(StandardCharsets.UTF_8)
                .escapeMode(Entities.EscapeMode.base);
        return clean;
    }

    /** The cleaned fragment as HTML. */
    public String sanitize(String html) {
        return clean(html).body().html().strip();
    }

    static String safeStyle(String style) {
        StringBuilder kept = new StringBuilder();
        for (String declaration : style.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String property = declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = declaration.substring(colon + 1).strip();
            String lower = value.toLowerCase(Locale.ROOT);
            if (!STYLE_PROPERTIES.contains(property)
                    || value.isEmpty()
                    || !STYLE_VALUE.matcher(value).matches()
                    || lower.contains("url")
                    || lower.contains("expression")
                    || lower.contains("script")
                    || lower.contains("image")
                    // A negative margin could pull content over the page's title and sender line.
                    || (property.startsWith("margin") && value.contains("-"))) {
                continue;
            }
            if (kept.length() > 0) {
                kept.append(';');
            }
            kept.append(property).append(':').append(value);
        }
        return kept.toString();
    }
}
