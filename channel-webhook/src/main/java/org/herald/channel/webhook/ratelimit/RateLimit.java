package org.herald.channel.webhook.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The rate limit a target keeps for one key (a robot, a chat): every window must have room.
 *
 * @param key what the limit counts, e.g. {@code wecom:<hash of the robot key>}; never a secret in
 *     clear, as it becomes a Redis key
 * @param windows the windows, e.g. 20 per minute, or 5 per second and 100 per minute
 */
public record RateLimit(String key, List<Window> windows) {

    /** At most {@code limit} sends in any {@code length}. */
    public record Window(int limit, Duration length) {

        public Window {
            if (limit < 1 || length.isZero() || length.isNegative()) {
                throw new IllegalArgumentException("a rate window needs a positive limit and length");
            }
        }
    }

    public RateLimit {
        windows = List.copyOf(windows);
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("a rate limit needs at least one window");
        }
    }

    public static RateLimit of(String key, Window... windows) {
        return new RateLimit(key, List.of(windows));
    }

    public static Window perMinute(int limit) {
        return new Window(limit, Duration.ofMinutes(1));
    }

    public static Window perSecond(int limit) {
        return new Window(limit, Duration.ofSeconds(1));
    }

    /**
     * A key for {@code kind} counted per {@code secretPart} (a robot key or token): hashed, because
     * Redis keys show up in monitoring and must not carry credentials.
     */
    public static String key(String kind, String secretPart) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(secretPart).getBytes(StandardCharsets.UTF_8));
            return kind + ":" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
