package org.herald.callback.sending;

/**
 * Thrown by a listener after the last attempt failed and the outcome was recorded, so the event goes
 * to the dead-letter topic for inspection. Its message carries no secret.
 */
public class CallbackGaveUpException extends RuntimeException {

    public CallbackGaveUpException(String reason) {
        super(reason, null, false, false);
    }
}
