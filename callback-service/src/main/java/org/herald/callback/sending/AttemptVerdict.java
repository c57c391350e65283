package org.herald.callback.sending;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.herald.outbound.OutboundResponse;

/**
 * What one attempt came to, by the Standard Webhooks rules (reference §10.2).
 *
 * @param retryAfter what the receiver's {@code Retry-After} asked for, null when it did not
 */
record AttemptVerdict(Kind kind, String reason, Duration retryAfter) {

    enum Kind {
        DELIVERED,
        RETRY,
        /** 410: the receiver wants no more callbacks at all. */
        GONE,
        /** This event cannot succeed (refused URL, receiver asked to abort). */
        PERMANENT
    }

    static AttemptVerdict of(OutboundResponse response, java.time.Instant now) {
        int status = response.status();
        if (response.successful()) {
            return new AttemptVerdict(Kind.DELIVERED, null, null);
        }
        if (status == 410) {
            return new AttemptVerdict(Kind.GONE, "receiver answered HTTP 410 Gone", null);
        }
        if ("abort-message".equalsIgnoreCase(response.header("webhook-delivery"))) {
            return permanent(
                    "receiver answered HTTP " + status + " and asked to stop (webhook-delivery: abort-message)");
        }
        if (status >= 300 && status < 400) {
            return retry("receiver answered HTTP " + status + " (redirects are not followed)");
        }
        if (status == 429 || status == 502 || status == 503 || status == 504) {
            Duration wait = retryAfter(response.header("Retry-After"), now);
            if (wait != null) {
                return new AttemptVerdict(
                        Kind.RETRY,
                        "receiver answered HTTP " + status + " (Retry-After " + wait.toSeconds() + " s)",
                        wait);
            }
        }
        // Any other answer may be a receiver being deployed or overloaded: the schedule retries it.
        return retry("receiver answered HTTP " + status);
    }

    static AttemptVerdict retry(String reason) {
        return new AttemptVerdict(Kind.RETRY, reason, null);
    }

    static AttemptVerdict permanent(String reason) {
        return new AttemptVerdict(Kind.PERMANENT, reason, null);
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date (RFC 9110 §10.2.3); null when unusable. */
    static Duration retryAfter(String value, java.time.Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            long seconds = Long.parseLong(text);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(
                        now,
                        ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
