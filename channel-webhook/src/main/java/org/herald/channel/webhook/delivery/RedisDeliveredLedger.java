package org.herald.channel.webhook.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Delivered ids in Redis, shared by every instance of the service, forgotten after a TTL (a
 * redelivery comes within minutes, never after days). Remembering is one blocking write on the
 * consumer's thread (decision 58): shorter than the hand-overs of an asynchronous call.
 */
final class RedisDeliveredLedger implements DeliveredLedger {

    static final String PREFIX = "herald:webhook:delivered:";

    private final StringRedisTemplate redis;
    private final Duration ttl;
    private final Clock clock;

    RedisDeliveredLedger(StringRedisTemplate redis, Duration ttl, Clock clock) {
        this.redis = redis;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public boolean isDelivered(String deliveryId) {
        return Boolean.TRUE.equals(redis.hasKey(PREFIX + deliveryId));
    }

    @Override
    public CompletableFuture<Void> markDelivered(String deliveryId) {
        try {
            redis.opsForValue().set(PREFIX + deliveryId, clock.instant().toString(), ttl);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
