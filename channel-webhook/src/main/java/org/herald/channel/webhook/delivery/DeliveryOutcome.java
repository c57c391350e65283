package org.herald.channel.webhook.delivery;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * How handling one delivery request ended, and what the listener must do about it.
 *
 * @param notBefore for {@link Kind#RETRY_LATER}: the earliest the next attempt may start (the target
 *     said how long to wait), or null to follow the retry schedule; for {@link Kind#DEFERRED}: when
 *     the request may be tried again
 * @param reported completes once the status of this outcome is durable; already complete unless the
 *     outcome was reported without waiting ({@link StatusReporter#reportAsync})
 */
public record DeliveryOutcome(Kind kind, String reason, Instant notBefore, CompletableFuture<Void> reported) {

    public enum Kind {
        DELIVERED,
        /** Delivered before: a redelivered request, nothing sent. */
        ALREADY_DELIVERED,
        EXPIRED,
        FAILED,
        /** Transient failure with attempts left: hand it to the next retry topic. */
        RETRY_LATER,
        /** Transient failure on the last attempt: reported FAILED, goes to the dead-letter topic. */
        GAVE_UP,
        /**
         * Not sent and not an attempt: the target's rate limit or its host's concurrency bound has no
         * room before {@link #notBefore}. The request waits on the delay topic and comes back.
         */
        DEFERRED
    }

    /** Shared, so outcomes reported in place compare equal. */
    private static final CompletableFuture<Void> REPORTED = CompletableFuture.completedFuture(null);

    public DeliveryOutcome(Kind kind, String reason, Instant notBefore) {
        this(kind, reason, notBefore, REPORTED);
    }

    public DeliveryOutcome(Kind kind, String reason) {
        this(kind, reason, null);
    }

    static DeliveryOutcome reportedLater(Kind kind, CompletableFuture<Void> reported) {
        return new DeliveryOutcome(kind, null, null, reported);
    }

    static DeliveryOutcome of(Kind kind) {
        return new DeliveryOutcome(kind, null);
    }

    static DeliveryOutcome of(Kind kind, String reason) {
        return new DeliveryOutcome(kind, reason);
    }
}
