package org.herald.ingest.send;

import java.time.Duration;

/** Counters shared by every ingest instance (Redis in production), behind an interface for tests. */
public interface SendCounters {

    /**
     * Adds one to the counter unless it already reached the limit. A new counter lives for
     * {@code ttl} from its first increment.
     *
     * @return whether the counter was incremented
     */
    boolean incrementBelow(String key, int limit, Duration ttl);

    /** Takes back one increment, for a message that was not accepted after all. */
    void decrement(String key);
}
