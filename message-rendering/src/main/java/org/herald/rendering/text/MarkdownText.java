package org.herald.rendering.text;

import java.util.regex.Pattern;

/**
 * Text placed into robot markdown: only what would misfire is backslash-escaped, because some robots
 * show the backslashes: emphasis and code markers ({@code * _ ` ~}), {@code <} (HTML), {@code ](}
 * (a link), a backslash before punctuation, and line starts that would become headings, quotes,
 * lists or link reference definitions.
 * Line breaks stay single {@code \n}: the robots (WeCom, DingTalk, Feishu, Slack, Telegram, Discord)
 * break lines there, which CommonMark alone would not.
 */
public final class MarkdownText {

    private static final Pattern ORDERED_ITEM = Pattern.compile("^(\\d{1,9})([.)])(?=\\s|$)");
    private static final String INLINE_SPECIALS = "`*_~<";

    private MarkdownText() {}

    /** Escapes every line of a text, keeping its line breaks. */
    public static String escapeLines(String text) {
        return escapeLines(text, true);
    }

    /**
     * Escapes a text that may continue an already started line: its first line is escaped as
     * inline text, every following line as a line start.
     */
    public static String escapeLines(String text, boolean firstAtLineStart) {
        String[] lines = text.split("\n", -1);
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                escaped.append('\n');
            }
            escaped.append(escape(lines[i], i > 0 || firstAtLineStart));
        }
        return escaped.toString();
    }

    /**
     * @param atLineStart whether the text begins a line, where {@code #}, {@code >}, {@code -},
     *     {@code +} and {@code 1.} would change the block
     */
    public static String escape(String text, boolean atLineStart) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        int start = 0;
        if (atLineStart) {
            int indent = 0;
            while (indent < text.length() && text.charAt(indent) == ' ') {
                indent++;
            }
            escaped.append(text, 0, indent);
            start = indent;
            String rest = text.substring(indent);
            var ordered = ORDERED_ITEM.matcher(rest);
            if (ordered.find()) {
                escaped.append(ordered.group(1)).append('\\').append(ordered.group(2));
                start += ordered.end();
            } else if (rest.startsWith("#") || rest.startsWith("=") || rest.startsWith(">") || rest.startsWith("[")) {
                escaped.append('\\');
            } else if ((rest.startsWith("-") || rest.startsWith("+"))
                    && (rest.length() == 1 || rest.charAt(1) == ' ' || rest.charAt(1) == '-')) {
                escaped.append('\\');
            }
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean next = i + 1 < text.length();
            if (INLINE_SPECIALS.indexOf(c) >= 0
                    || (c == ']' && next && text.charAt(i + 1) == '(')
                    || (c == '\\' && next && isAsciiPunctuation(text.charAt(i + 1)))) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && c > ' ';
    }
}
