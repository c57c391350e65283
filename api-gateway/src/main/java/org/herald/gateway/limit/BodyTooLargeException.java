package org.herald.gateway.limit;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A request body over the gateway's limit; it is refused before any byte of it reaches a backend. */
public class BodyTooLargeException extends ResponseStatusException {

    private final long maxBytes;

    public BodyTooLargeException(long maxBytes) {
        super(HttpStatus.PAYLOAD_TOO_LARGE, "request body over " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
