package org.herald.channel.webhook.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Delivered ids in Redis, shared by every instance of the service, forgotten after a TTL (a
 * redelivery comes within minutes, never after days). Remembering does not block: the listener's
 * container awaits it together with the DELIVERED status.
 */
final class RedisDeliveredLedger implements DeliveredLedger {

    static final String PREFIX = "herald:webhook:delivered:";

    private final StringRedisTemplate redis;
    private final ReactiveStringRedisTemplate reactiveRedis;
    private final Duration ttl;
    private final Clock clock;

    RedisDeliveredLedger(
            StringRedisTemplate redis, ReactiveStringRedisTemplate reactiveRedis, Duration ttl, Clock clock) {
        this.redis = redis;
        this.reactiveRedis = reactiveRedis;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public boolean isDelivered(String deliveryId) {
        return Boolean.TRUE.equals(redis.hasKey(PREFIX + deliveryId));
    }

    @Override
    public CompletableFuture<Void> markDelivered(String deliveryId) {
        return reactiveRedis
                .opsForValue()
                .set(PREFIX + deliveryId, clock.instant().toString(), ttl)
                .then()
                .toFuture();
    }
}
