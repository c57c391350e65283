package org.herald.channel.webhook.delivery;

/** How handling one delivery request ended, and what the listener must do about it. */
public record DeliveryOutcome(Kind kind, String reason) {

    public enum Kind {
        DELIVERED,
        /** Delivered before: a redelivered request, nothing sent. */
        ALREADY_DELIVERED,
        EXPIRED,
        FAILED,
        /** Transient failure with attempts left: hand it to the next retry topic. */
        RETRY_LATER,
        /** Transient failure on the last attempt: reported FAILED, goes to the dead-letter topic. */
        GAVE_UP
    }

    static DeliveryOutcome of(Kind kind) {
        return new DeliveryOutcome(kind, null);
    }

    static DeliveryOutcome of(Kind kind, String reason) {
        return new DeliveryOutcome(kind, reason);
    }
}
