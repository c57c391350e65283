package org.herald.transport;

/**
 * A record that no retry can make readable: wrong or missing {@code ce_type}, or data that does not
 * map to the record. The error handler sends it to the topic's dead-letter topic at once.
 */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
