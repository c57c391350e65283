package org.herald.channel.webhook.delivery;

/**
 * What one attempt came to.
 *
 * @param reason why it did not succeed; never contains the target URL beyond scheme and host
 * @param retryAfter for {@link Kind#RETRY}: how long the target asked us to wait (Retry-After,
 *     Telegram's {@code retry_after}), or null when it did not say
 */
public record Verdict(Kind kind, String reason, java.time.Duration retryAfter) {

    public enum Kind {
        DELIVERED,
        /** Transient: a later attempt may succeed (timeouts, 5xx, 429). */
        RETRY,
        /** Retrying cannot help (refused URL, 4xx). */
        PERMANENT
    }

    public static Verdict delivered() {
        return new Verdict(Kind.DELIVERED, null, null);
    }

    public static Verdict retry(String reason) {
        return new Verdict(Kind.RETRY, reason, null);
    }

    public static Verdict retryAfter(String reason, java.time.Duration wait) {
        return new Verdict(Kind.RETRY, reason, wait);
    }

    public static Verdict permanent(String reason) {
        return new Verdict(Kind.PERMANENT, reason, null);
    }

    /**
     * The verdict for targets whose only success signal is the HTTP status. 408 and 429 are
     * throttling or timeouts, worth another try; a 3xx is never followed and counts as a failure.
     */
    public static Verdict byHttpStatus(int status) {
        if (status >= 200 && status < 300) {
            return delivered();
        }
        String answered = "target answered HTTP " + status;
        if (status == 408 || status == 429 || status >= 500) {
            return retry(answered);
        }
        if (status >= 300 && status < 400) {
            return permanent(answered + " (redirects are not followed)");
        }
        return permanent(answered);
    }
}
