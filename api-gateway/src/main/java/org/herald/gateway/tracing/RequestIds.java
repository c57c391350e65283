package org.herald.gateway.tracing;

import java.util.UUID;

/** Which request id a request travels with: the caller's own if it is usable, else a fresh one. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final int MAX_LENGTH = 128;

    private RequestIds() {}

    public static String choose(String incoming) {
        return wellFormed(incoming) ? incoming : UUID.randomUUID().toString();
    }

    // Only visible ASCII: the id ends up in log lines and headers, where anything else could forge or
    // break a line.
    static boolean wellFormed(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
