package org.herald.callback.sending;

/**
 * Thrown by a listener to hand a callback to the next retry topic. Its message ends up in the
 * record's headers and carries no secret.
 */
public class RetryLaterException extends RuntimeException {

    public RetryLaterException(String reason) {
        super(reason, null, false, false);
    }
}
