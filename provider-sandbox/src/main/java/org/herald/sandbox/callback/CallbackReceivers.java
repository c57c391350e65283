package org.herald.sandbox.callback;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How each callback receiver ({@code /callback/{receiver}}) behaves beyond scripted failures: the
 * Standard Webhooks secret it verifies signatures with, how slowly it answers, whether it answers
 * 410, and the {@code Retry-After} it puts on a scripted 429 or 503.
 */
public final class CallbackReceivers {

    /**
     * @param secret the {@code whsec_…} secret signatures are checked against, or null (not checked)
     * @param delay how long the receiver waits before answering
     * @param gone answer 410 Gone to everything (the receiver unsubscribes)
     * @param retryAfter the {@code Retry-After} value sent with a scripted 429 or 503, or null
     */
    public record Settings(String secret, Duration delay, boolean gone, String retryAfter) {

        public static final Settings DEFAULT = new Settings(null, Duration.ZERO, false, null);

        public Settings {
            delay = delay == null ? Duration.ZERO : delay;
        }

        public Settings withSecret(String newSecret) {
            return new Settings(newSecret, delay, gone, retryAfter);
        }

        public Settings withDelay(Duration newDelay) {
            return new Settings(secret, newDelay, gone, retryAfter);
        }

        public Settings withGone(boolean newGone) {
            return new Settings(secret, delay, newGone, retryAfter);
        }

        public Settings withRetryAfter(String newRetryAfter) {
            return new Settings(secret, delay, gone, newRetryAfter);
        }
    }

    private final Map<String, Settings> receivers = new ConcurrentHashMap<>();

    public Settings settings(String receiver) {
        return receivers.getOrDefault(receiver, Settings.DEFAULT);
    }

    public void configure(String receiver, Settings settings) {
        receivers.put(receiver, settings);
    }

    /** Verify this receiver's callbacks with {@code secret} ({@code whsec_…}). */
    public void secret(String receiver, String secret) {
        receivers.merge(receiver, Settings.DEFAULT.withSecret(secret), (old, given) -> old.withSecret(secret));
    }

    public Optional<String> secretOf(String receiver) {
        return Optional.ofNullable(settings(receiver).secret());
    }

    public void clear() {
        receivers.clear();
    }
}
