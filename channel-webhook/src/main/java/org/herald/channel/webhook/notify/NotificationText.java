package org.herald.channel.webhook.notify;

import java.nio.charset.StandardCharsets;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.rendering.MessageRenderer;
import org.herald.rendering.RenderedMessage;

/**
 * The text of a message as notification services take it: rendered once from the message's
 * template, then cut to the target's limit. Which rendering each target uses is decided in
 * docs/channels/webhook.md ("Notification services").
 */
public final class NotificationText {

    /** Ends a cut text, so the reader sees it was cut. */
    public static final String ELLIPSIS = "…";

    private static final MessageRenderer RENDERER = new MessageRenderer();

    private NotificationText() {}

    /** The message rendered from its template: plain text and markdown. */
    public static RenderedMessage render(DeliveryRequested request) {
        return RENDERER.render(request.template(), orEmpty(request.title()), orEmpty(request.content()));
    }

    public static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * {@code text} cut to at most {@code maxChars} UTF-16 units (what Telegram, Discord and most
     * JSON APIs count), ending with {@link #ELLIPSIS} when cut; never splits a surrogate pair.
     */
    public static String cutChars(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = maxChars - ELLIPSIS.length();
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, Math.max(end, 0)) + ELLIPSIS;
    }

    /**
     * {@code text} cut to at most {@code maxBytes} bytes of UTF-8, ending with {@link #ELLIPSIS}
     * when cut; never splits a character.
     */
    public static String cutBytes(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        int budget = maxBytes - ELLIPSIS.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > budget) {
                break;
            }
            kept.appendCodePoint(codePoint);
            used += size;
            i += Character.charCount(codePoint);
        }
        return kept.append(ELLIPSIS).toString();
    }

    /**
     * A chat message: the title on its own line above the body, cut to {@code maxChars}; when cut,
     * the link to the full message page ends it so nothing is lost for the reader.
     */
    public static String chatMessage(String title, String body, String pageUrl, int maxChars) {
        String text = isBlank(title) ? body : body.isEmpty() ? title : title + "\n" + body;
        if (text.length() <= maxChars || isBlank(pageUrl)) {
            return cutChars(text, maxChars);
        }
        String link = "\n" + pageUrl;
        return cutChars(text, maxChars - link.length()) + link;
    }
}
