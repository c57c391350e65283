package org.herald.gateway.error;

/** The pushplus answer shape, so a client parses a gateway refusal like any other pushplus answer. */
public record Envelope(int code, String msg, Object data) {

    static Envelope of(int code, String msg) {
        return new Envelope(code, msg, null);
    }
}
