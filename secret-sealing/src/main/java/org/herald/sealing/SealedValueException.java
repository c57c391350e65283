package org.herald.sealing;

/** A sealed value that cannot be opened: tampered, truncated, or sealed with another key. */
public class SealedValueException extends RuntimeException {

    public SealedValueException(String message) {
        super(message);
    }
}
