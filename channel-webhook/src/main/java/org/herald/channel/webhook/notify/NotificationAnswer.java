package org.herald.channel.webhook.notify;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.herald.channel.webhook.delivery.Verdict;
import org.herald.outbound.OutboundResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading a notification service's answer: its JSON body, its Retry-After, its HTTP status. */
public final class NotificationAnswer {

    /** The most of an answer's text quoted in a reason. */
    public static final int QUOTED_CHARS = 200;

    /** The longest wait a target can ask for that Herald honours; longer asks are capped. */
    static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NotificationAnswer() {}

    /** The body as a JSON object, or null when it is empty, not JSON or not an object. */
    public static JsonNode jsonObject(OutboundResponse response) {
        if (response.body().length == 0) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(response.body());
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The answer's text, cut for quoting in a reason. */
    public static String quoted(OutboundResponse response) {
        return NotificationText.cutChars(response.bodyText(QUOTED_CHARS * 4).strip(), QUOTED_CHARS);
    }

    /**
     * The wait the {@code Retry-After} header asks for (seconds, possibly fractional, or an HTTP
     * date), or null when absent or unreadable.
     */
    public static Duration retryAfterHeader(OutboundResponse response) {
        String value = response.header("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return seconds(Double.parseDouble(value.strip()));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(java.time.Instant.now(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : cap(wait);
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** A wait given in seconds, rounded up to whole milliseconds and capped. */
    public static Duration seconds(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0) {
            return null;
        }
        return cap(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
    }

    /**
     * The verdict from the HTTP status alone ({@link Verdict#byHttpStatus}), honouring Retry-After
     * on a retry, with {@code name} and {@code detail} (may be null) in the reason.
     */
    public static Verdict byStatus(OutboundResponse response, String name, String detail) {
        Verdict plain = Verdict.byHttpStatus(response.status());
        if (plain.kind() == Verdict.Kind.DELIVERED) {
            return plain;
        }
        String reason =
                name + " answered HTTP " + response.status() + (NotificationText.isBlank(detail) ? "" : ": " + detail);
        if (plain.kind() == Verdict.Kind.PERMANENT) {
            return Verdict.permanent(
                    response.status() >= 300 && response.status() < 400
                            ? reason + " (redirects are not followed)"
                            : reason);
        }
        Duration wait = retryAfterHeader(response);
        return wait == null ? Verdict.retry(reason) : Verdict.retryAfter(reason, wait);
    }

    /** True for the statuses after which a later attempt may succeed: 408, 429 and 5xx. */
    public static boolean transientStatus(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private static Duration cap(Duration wait) {
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
