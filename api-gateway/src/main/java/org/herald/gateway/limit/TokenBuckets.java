package org.herald.gateway.limit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Token buckets in Redis, all of one request's buckets asked in one script call: a request takes a
 * token from each bucket only when every one of them has room, so a request refused by one limit
 * spends nothing of the others. It is Spring Cloud Gateway's token-bucket script extended to several
 * buckets, with Redis's clock read to the microsecond rather than the second, so a bucket refills
 * evenly instead of once a second.
 *
 * <p>The keys of one call lie in different hash slots: the limits need one Redis server (with
 * replicas, if wanted), not a Redis Cluster, which would refuse the call, and the limits would fail
 * open.
 */
@Component
class TokenBuckets {

    // KEYS: per bucket, its tokens key, then its last-refill key. ARGV: the tokens one request takes,
    // then per bucket its rate (tokens per second) and capacity. Returns 0 when every bucket had room
    // (each was charged), else the number of the first bucket without room (none was charged).
    private static final RedisScript<Long> TAKE = RedisScript.of(
            """
            redis.replicate_commands()
            local time = redis.call('TIME')
            local now = tonumber(time[1]) + tonumber(time[2]) / 1000000
            local requested = tonumber(ARGV[1])
            local buckets = #KEYS / 2
            local filled = {}
            for i = 1, buckets do
              local rate = tonumber(ARGV[2 * i])
              local capacity = tonumber(ARGV[2 * i + 1])
              local tokens = tonumber(redis.call('GET', KEYS[2 * i - 1])) or capacity
              local refilled = tonumber(redis.call('GET', KEYS[2 * i])) or 0
              filled[i] = math.min(capacity, tokens + math.max(0, now - refilled) * rate)
              if filled[i] < requested then
                return i
              end
            end
            for i = 1, buckets do
              -- A bucket left alone for twice its fill time is full again: its keys can go.
              local ttl = math.max(1, math.ceil(2 * tonumber(ARGV[2 * i + 1]) / tonumber(ARGV[2 * i])))
              redis.call('SET', KEYS[2 * i - 1], string.format('%.6f', filled[i] - requested), 'EX', ttl)
              redis.call('SET', KEYS[2 * i], string.format('%.6f', now), 'EX', ttl)
            end
            return 0
            """,
            Long.class);

    private static final String KEY_PREFIX = "herald:gateway:rate:";

    private final ReactiveStringRedisTemplate redis;

    TokenBuckets(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /**
     * Takes {@code requested} tokens from every bucket, or from none. Emits the first bucket that had
     * no room, or nothing in the optional when the request may pass.
     */
    Mono<Optional<Bucket>> take(int requested, List<Charge> charges) {
        if (charges.isEmpty()) {
            return Mono.just(Optional.empty());
        }
        List<String> keys = new ArrayList<>(charges.size() * 2);
        List<String> args = new ArrayList<>(charges.size() * 2 + 1);
        args.add(Integer.toString(requested));
        for (Charge charge : charges) {
            String key = KEY_PREFIX + charge.bucket().name() + ":" + charge.key();
            keys.add(key + ":tokens");
            keys.add(key + ":refilled");
            args.add(Integer.toString(charge.bucket().rate()));
            args.add(Long.toString(charge.bucket().capacity()));
        }
        return redis.execute(TAKE, keys, args)
                .next()
                .map(refused -> refused == 0
                        ? Optional.<Bucket>empty()
                        : Optional.of(charges.get(refused.intValue() - 1).bucket()));
    }

    /**
     * One kind of limit on one route. {@code name} is {@code route:kind}, part of every Redis key of
     * the bucket; {@code refill} is how long an empty bucket takes to hold one request again.
     */
    record Bucket(String name, int rate, long capacity, Duration refill) {}

    /** A bucket and the key (an address, a token's digest) whose tokens a request takes. */
    record Charge(Bucket bucket, String key) {}
}
