package org.herald.rendering;

import java.util.ArrayList;
import java.util.List;

/**
 * One message in every form a reader meets it.
 *
 * @param pageHtml the body of the message page: sanitised HTML, safe to embed as is
 * @param plainText the content as plain text, line breaks kept, no markup
 * @param markdown the content as robot markdown (WeCom, DingTalk, Feishu, Slack, Telegram), no raw HTML
 * @param fields the labelled key facts of a card template (cloudMonitor, jenkins, pay), in the order a
 *     WeChat template message shows them; empty for free-form templates
 * @param link where a click on the message should lead instead of the message page (Jenkins: the
 *     build log), or null
 */
public record RenderedMessage(String pageHtml, String plainText, String markdown, List<Field> fields, String link) {

    /** WeChat template message fields hold at most this many characters. */
    public static final int WECHAT_FIELD_CHARS = 20;

    public RenderedMessage {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public RenderedMessage(String pageHtml, String plainText, String markdown) {
        this(pageHtml, plainText, markdown, List.of(), null);
    }

    public RenderedMessage withLink(String link) {
        return new RenderedMessage(pageHtml, plainText, markdown, fields, link);
    }

    /** The plain text on one line (whitespace runs become one space), cut to {@code maxChars}. */
    public String summary(int maxChars) {
        return shorten(plainText.replaceAll("\\s+", " ").strip(), maxChars);
    }

    /** The fields with each value cut to {@code maxChars} (WeChat: {@link #WECHAT_FIELD_CHARS}). */
    public List<Field> shortFields(int maxChars) {
        List<Field> cut = new ArrayList<>(fields.size());
        for (Field field : fields) {
            cut.add(new Field(field.label(), shorten(field.value(), maxChars)));
        }
        return cut;
    }

    /**
     * Cuts text to at most {@code maxChars} characters (code points, so an emoji or a CJK
     * supplementary character is never split), ending a cut text with "…".
     */
    public static String shorten(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        if (maxChars < 1) {
            return "";
        }
        int length = text.codePointCount(0, text.length());
        if (length <= maxChars) {
            return text;
        }
        int end = text.offsetByCodePoints(0, maxChars - 1);
        return text.substring(0, end) + "…";
    }

    /** A labelled value of a card, e.g. 告警对象 → host-1. */
    public record Field(String label, String value) {}
}
