package org.herald.callback.sending;

/** How sending one callback ended, and what the listener must do about it. */
public record CallbackOutcome(Kind kind, String reason) {

    public enum Kind {
        DELIVERED,
        /** The event was delivered or failed for good before: a redelivery, nothing sent. */
        ALREADY_FINAL,
        FAILED,
        /** Failed with attempts left: hand it to the next retry topic. */
        RETRY_LATER,
        /** Failed on the last attempt: recorded FAILED, goes to the dead-letter topic. */
        GAVE_UP
    }

    static CallbackOutcome of(Kind kind, String reason) {
        return new CallbackOutcome(kind, reason);
    }
}
