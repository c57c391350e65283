package org.herald.ingest.send;

import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

/**
 * {@link SendCounters} in Redis. Check and increment are one Lua script, so two instances racing on
 * the last free slot cannot both take it.
 */
public final class RedisSendCounters implements SendCounters {

    private static final DefaultRedisScript<Long> INCREMENT_BELOW = new DefaultRedisScript<>(
            """
            local count = tonumber(redis.call('GET', KEYS[1]) or '0')
            if count >= tonumber(ARGV[1]) then
              return 0
            end
            redis.call('INCR', KEYS[1])
            if redis.call('PTTL', KEYS[1]) < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 1
            """,
            Long.class);

    private static final DefaultRedisScript<Long> DECREMENT = new DefaultRedisScript<>(
            """
            local count = redis.call('DECR', KEYS[1])
            if count <= 0 then
              redis.call('DEL', KEYS[1])
            end
            return count
            """,
            Long.class);

    private final StringRedisTemplate redis;

    public RedisSendCounters(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public boolean incrementBelow(String key, int limit, Duration ttl) {
        Long taken =
                redis.execute(INCREMENT_BELOW, List.of(key), Integer.toString(limit), Long.toString(ttl.toMillis()));
        return taken != null && taken == 1L;
    }

    @Override
    public void decrement(String key) {
        redis.execute(DECREMENT, List.of(key));
    }
}
