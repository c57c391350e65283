package org.herald.rendering.text;

/** Text placed into HTML by the renderers: escaped for element content and attribute values alike. */
public final class HtmlText {

    private HtmlText() {}

    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Escapes text and turns its line breaks into {@code <br>}. */
    public static String escapeLines(String text) {
        return escape(text).replace("\n", "<br>");
    }

    /** Whether a URL may be a link target: only http and https (no javascript:, data:, relative …). */
    public static boolean isWebUrl(String url) {
        if (url == null) {
            return false;
        }
        String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
        return (lower.startsWith("http://") || lower.startsWith("https://"))
                && lower.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\');
    }
}
