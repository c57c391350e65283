package org.herald.ingest.send;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link SendCounters} in memory (no expiry), or failing like an unreachable Redis. */
final class MemoryCounters implements SendCounters {

    final Map<String, Integer> counts = new ConcurrentHashMap<>();
    final Map<String, Duration> ttls = new ConcurrentHashMap<>();
    volatile boolean down;

    @Override
    public boolean incrementBelow(String key, int limit, Duration ttl) {
        if (down) {
            throw new IllegalStateException("Unable to connect to Redis");
        }
        if (counts.getOrDefault(key, 0) >= limit) {
            return false;
        }
        counts.merge(key, 1, Integer::sum);
        ttls.putIfAbsent(key, ttl);
        return true;
    }

    @Override
    public void decrement(String key) {
        if (down) {
            throw new IllegalStateException("Unable to connect to Redis");
        }
        counts.computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
    }

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
