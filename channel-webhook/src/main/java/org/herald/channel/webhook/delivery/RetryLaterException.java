package org.herald.channel.webhook.delivery;

/**
 * Thrown by the listener to hand a delivery to the next retry topic. Its message is a status
 * reason: it ends up in the record's headers and must carry no secret.
 */
public class RetryLaterException extends RuntimeException {

    public RetryLaterException(String reason) {
        super(reason, null, false, false);
    }
}
