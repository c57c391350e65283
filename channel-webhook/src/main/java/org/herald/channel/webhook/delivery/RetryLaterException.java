package org.herald.channel.webhook.delivery;

import java.time.Instant;

/**
 * Thrown by the listener to hand a delivery to the next retry topic. Its message is a status
 * reason: it ends up in the record's headers and must carry no secret.
 */
public class RetryLaterException extends RuntimeException {

    private final transient Instant notBefore;

    public RetryLaterException(String reason) {
        this(reason, null);
    }

    /** @param notBefore the next attempt must not start earlier (the target asked), or null */
    public RetryLaterException(String reason, Instant notBefore) {
        super(reason, null, false, false);
        this.notBefore = notBefore;
    }

    public Instant notBefore() {
        return notBefore;
    }
}
