package org.herald.gateway.tracing;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Which request id a request travels with: the caller's own if it is usable, else a fresh one. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final int MAX_LENGTH = 128;

    private RequestIds() {}

    public static String choose(String incoming) {
        return wellFormed(incoming) ? incoming : fresh();
    }

    // A random (version 4) UUID from a fast generator: a request id correlates log lines and guards
    // nothing, so it needs no SecureRandom, whose reads were 0.6 % of the gateway's CPU.
    private static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
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
