package org.herald.channel.webhook.robot;

import java.nio.charset.StandardCharsets;

/**
 * Fits text into a target's byte limit (WeCom counts UTF-8 bytes, not characters): cut at a
 * character boundary, never inside a multi-byte character or a surrogate pair, with a tail (the
 * link to the full message) that always fits.
 */
public final class Utf8Cut {

    private Utf8Cut() {}

    public static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * {@code text} unchanged when it fits in {@code maxBytes}; otherwise its longest prefix that fits
     * together with {@code tail}, followed by {@code tail}.
     */
    public static String fit(String text, int maxBytes, String tail) {
        if (bytes(text) <= maxBytes) {
            return text;
        }
        int budget = maxBytes - bytes(tail);
        if (budget <= 0) {
            return prefix(tail, maxBytes);
        }
        return prefix(text, budget) + tail;
    }

    /** The longest prefix of {@code text} whose UTF-8 form is at most {@code maxBytes}. */
    static String prefix(String text, int maxBytes) {
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (used + size > maxBytes) {
                break;
            }
            used += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }
}
