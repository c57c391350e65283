package org.herald.transport;

/** The broker did not acknowledge an event in time; the caller must not report it as accepted. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String topic, Throwable cause) {
        super("event not acknowledged by the broker for " + topic, cause);
    }
}
