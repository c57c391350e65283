package org.herald.gateway.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Token buckets in Redis, all of one request's buckets asked in one script call: a request takes a
 * token from each bucket only when every one of them has room, so a request refused by one limit
 * spends nothing of the others. It is Spring Cloud Gateway's token-bucket script extended to several
 * buckets, with Redis's clock read to the microsecond rather than the second, so a bucket refills
 * evenly instead of once a second.
 *
 * <p>A client well within its limits is not asked about on every request (decision 67): while each of
 * its buckets holds more than half its capacity, one call takes up to {@value #LEASE} requests' worth
 * at once, and this instance lets the next requests with the same buckets through on what it took,
 * for at most {@link #LEASE_LIFETIME}. A lease never takes a bucket below half its capacity, so a
 * client nearing a limit is counted in Redis one request at a time, as before, and is refused exactly
 * when its bucket is empty; what a lease took and nobody used is not given back, which only ever
 * refills the bucket later. Refusals are never remembered here: each one is Redis's answer.
 *
 * <p>The keys of one call lie in different hash slots: the limits need one Redis server (with
 * replicas, if wanted), not a Redis Cluster, which would refuse the call, and the limits would fail
 * open.
 */
@Component
class TokenBuckets {

    /** The most requests one Redis call may take for this instance. */
    static final int LEASE = 64;

    /** How long taken but unused requests may still be let through here. */
    static final Duration LEASE_LIFETIME = Duration.ofSeconds(1);

    /** Clients with a lease at once; beyond, the least recently used go back to one call a request. */
    private static final int LEASED_CLIENTS = 100_000;

    // KEYS: per bucket, its tokens key, then its last-refill key. ARGV: the tokens one request takes,
    // the most requests to take, then per bucket its rate (tokens per second) and capacity. Returns the
    // number of requests taken from every bucket (at least 1), or minus the number of the first bucket
    // without room for one (then none was charged).
    private static final RedisScript<Long> TAKE = RedisScript.of(
            """
            redis.replicate_commands()
            local time = redis.call('TIME')
            local now = tonumber(time[1]) + tonumber(time[2]) / 1000000
            local requested = tonumber(ARGV[1])
            local granted = tonumber(ARGV[2])
            local buckets = #KEYS / 2
            local filled = {}
            for i = 1, buckets do
              local rate = tonumber(ARGV[2 * i + 1])
              local capacity = tonumber(ARGV[2 * i + 2])
              local tokens = tonumber(redis.call('GET', KEYS[2 * i - 1])) or capacity
              local refilled = tonumber(redis.call('GET', KEYS[2 * i])) or 0
              filled[i] = math.min(capacity, tokens + math.max(0, now - refilled) * rate)
              if filled[i] < requested then
                return -i
              end
              -- Beyond this request, only what lies above half the bucket may be taken ahead.
              local ahead = math.floor((filled[i] - requested - capacity / 2) / requested)
              granted = math.min(granted, 1 + math.max(0, ahead))
            end
            for i = 1, buckets do
              -- A bucket left alone for twice its fill time is full again: its keys can go.
              local ttl = math.max(1, math.ceil(2 * tonumber(ARGV[2 * i + 2]) / tonumber(ARGV[2 * i + 1])))
              redis.call('SET', KEYS[2 * i - 1], string.format('%.6f', filled[i] - granted * requested), 'EX', ttl)
              redis.call('SET', KEYS[2 * i], string.format('%.6f', now), 'EX', ttl)
            end
            return granted
            """,
            Long.class);

    private static final String KEY_PREFIX = "herald:gateway:rate:";
    private static final Mono<Optional<Bucket>> PASS = Mono.just(Optional.empty());

    private final ReactiveStringRedisTemplate redis;
    /** The buckets' keys of a client → requests this instance took for it and has not let through yet. */
    private final Cache<String, AtomicInteger> leases = Caffeine.newBuilder()
            .maximumSize(LEASED_CLIENTS)
            .expireAfterWrite(LEASE_LIFETIME)
            .build();

    TokenBuckets(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /**
     * Takes {@code requested} tokens from every bucket, or from none. Emits the first bucket that had
     * no room, or nothing in the optional when the request may pass. An answer from Redis is emitted on
     * {@code continueOn}; a request let through on a lease goes on at once, on the calling thread.
     */
    Mono<Optional<Bucket>> take(int requested, List<Charge> charges, Scheduler continueOn) {
        if (charges.isEmpty()) {
            return PASS;
        }
        List<String> bucketKeys = new ArrayList<>(charges.size());
        for (Charge charge : charges) {
            bucketKeys.add(KEY_PREFIX + charge.bucket().name() + ":" + charge.key());
        }
        String client = String.join(" ", bucketKeys);
        AtomicInteger lease = leases.getIfPresent(client);
        if (lease != null && takeOne(lease)) {
            return PASS;
        }
        // Only a request that needs Redis pays for the script's arguments.
        List<String> keys = new ArrayList<>(charges.size() * 2);
        List<String> args = new ArrayList<>(charges.size() * 2 + 2);
        args.add(Integer.toString(requested));
        args.add(Integer.toString(LEASE));
        for (int i = 0; i < charges.size(); i++) {
            keys.add(bucketKeys.get(i) + ":tokens");
            keys.add(bucketKeys.get(i) + ":refilled");
            args.add(Integer.toString(charges.get(i).bucket().rate()));
            args.add(Long.toString(charges.get(i).bucket().capacity()));
        }
        return redis.execute(TAKE, keys, args).next().publishOn(continueOn).map(answer -> {
            if (answer < 0) {
                return Optional.of(charges.get((int) -answer - 1).bucket());
            }
            if (answer > 1) {
                int ahead = (int) (answer - 1);
                leases.asMap().merge(client, new AtomicInteger(ahead), (held, more) -> {
                    held.addAndGet(more.get());
                    return held;
                });
            }
            return Optional.empty();
        });
    }

    private static boolean takeOne(AtomicInteger lease) {
        int left;
        do {
            left = lease.get();
            if (left <= 0) {
                return false;
            }
        } while (!lease.compareAndSet(left, left - 1));
        return true;
    }

    /**
     * One kind of limit on one route. {@code name} is {@code route:kind}, part of every Redis key of
     * the bucket; {@code refill} is how long an empty bucket takes to hold one request again.
     */
    record Bucket(String name, int rate, long capacity, Duration refill) {}

    /** A bucket and the key (an address, a token's digest) whose tokens a request takes. */
    record Charge(Bucket bucket, String key) {}
}
