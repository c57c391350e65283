package org.herald.channel.webhook.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

/**
 * Sliding-window logs in Redis, one sorted set per key and window, checked and taken in one Lua
 * script so instances racing for the last slot cannot both get it. A sliding log (rather than fixed
 * buckets) never lets 2× the limit through around a bucket edge, which the targets would punish.
 */
public final class RedisRateLimiter implements RateLimiter {

    static final String PREFIX = "herald:webhook:rate:";

    /**
     * KEYS: one sorted set per window. ARGV: now (ms), member, then limit and length (ms) per window.
     * Returns 0 when taken, else the milliseconds until the fullest window frees a slot.
     */
    static final String SCRIPT =
            """
            local now = tonumber(ARGV[1])
            local member = ARGV[2]
            local wait = 0
            for i, key in ipairs(KEYS) do
              local limit = tonumber(ARGV[1 + 2 * i])
              local length = tonumber(ARGV[2 + 2 * i])
              redis.call('ZREMRANGEBYSCORE', key, '-inf', now - length)
              if redis.call('ZCARD', key) >= limit then
                local oldest = redis.call('ZRANGE', key, -limit, -limit, 'WITHSCORES')
                local free = tonumber(oldest[2]) + length - now + 1
                if free > wait then wait = free end
              end
            end
            if wait > 0 then return wait end
            for i, key in ipairs(KEYS) do
              local length = tonumber(ARGV[2 + 2 * i])
              redis.call('ZADD', key, now, member)
              redis.call('PEXPIRE', key, length)
            end
            return 0
            """;

    private static final DefaultRedisScript<Long> ACQUIRE = new DefaultRedisScript<>(SCRIPT, Long.class);

    /** KEYS: the window sets. ARGV: now (ms), member. Re-scores the member where it still is. */
    private static final DefaultRedisScript<Long> SETTLE = new DefaultRedisScript<>(
            """
            for i, key in ipairs(KEYS) do
              if redis.call('ZSCORE', key, ARGV[2]) then
                redis.call('ZADD', key, ARGV[1], ARGV[2])
              end
            end
            return 0
            """,
            Long.class);

    private final StringRedisTemplate redis;
    private final Clock clock;

    public RedisRateLimiter(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /**
     * The window as Herald counts it: a little longer than the target's, because the target counts
     * arrivals, and network delays can bring two requests closer together than they were sent (20 %,
     * at most 2 s: 1.2 s for a per-second limit, 62 s for a per-minute one).
     */
    static Duration counted(Duration length) {
        long margin = Math.min(length.toMillis() / 5, 2_000);
        return length.plusMillis(margin);
    }

    @Override
    public void settle(RateLimit limit, String member) {
        List<String> keys = new ArrayList<>();
        for (RateLimit.Window window : limit.windows()) {
            keys.add(key(limit, window));
        }
        redis.execute(SETTLE, keys, Long.toString(clock.millis()), member);
    }

    private static String key(RateLimit limit, RateLimit.Window window) {
        return PREFIX + limit.key() + ":" + window.limit() + "/"
                + window.length().toMillis();
    }

    @Override
    public Duration tryAcquire(RateLimit limit, String member) {
        List<String> keys = new ArrayList<>();
        List<String> args = new ArrayList<>();
        args.add(Long.toString(clock.millis()));
        args.add(member);
        for (RateLimit.Window window : limit.windows()) {
            keys.add(key(limit, window));
            args.add(Integer.toString(window.limit()));
            args.add(Long.toString(counted(window.length()).toMillis()));
        }
        Long wait = redis.execute(ACQUIRE, keys, args.toArray());
        return wait == null || wait <= 0 ? Duration.ZERO : Duration.ofMillis(wait);
    }
}
