package org.herald.channel.webhook.delivery;

/**
 * Thrown by the listener after the last attempt failed and FAILED was reported, so the request goes
 * to the dead-letter topic for inspection. Its message carries no secret.
 */
public class DeliveryGaveUpException extends RuntimeException {

    public DeliveryGaveUpException(String reason) {
        super(reason, null, false, false);
    }
}
