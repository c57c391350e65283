package org.herald.channel.webhook.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.herald.channel.webhook.robot.RobotSandboxSupport;
import org.junit.jupiter.api.Test;

/** The sliding windows on the real Redis, with a clock the test moves. */
class RedisRateLimiterTest extends RobotSandboxSupport {

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };

    @Test
    void shouldRefuseTheSixthInASecondAndSayWhenTheOldestLeavesTheWindow() {
        RedisRateLimiter limiter = new RedisRateLimiter(redis, clock);
        RateLimit limit = RateLimit.of("test:" + random(6), RateLimit.perSecond(5), RateLimit.perMinute(100));

        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire(limit, "m" + i)).isZero();
            now.addAndGet(100);
        }
        Duration wait = limiter.tryAcquire(limit, "m5");
        now.addAndGet(wait.toMillis());
        Duration after = limiter.tryAcquire(limit, "m5");

        // The first went at +0 ms; Herald counts the 1 s window as 1.2 s, so it frees at +1201 ms.
        assertThat(wait).isEqualTo(Duration.ofMillis(1201 - 500));
        assertThat(after).isZero();
    }

    @Test
    void shouldLetBothWindowsCount() {
        RedisRateLimiter limiter = new RedisRateLimiter(redis, clock);
        RateLimit limit = RateLimit.of("test:" + random(6), RateLimit.perSecond(5), RateLimit.perMinute(7));

        for (int i = 0; i < 7; i++) {
            assertThat(limiter.tryAcquire(limit, "m" + i)).isZero();
            now.addAndGet(300);
        }

        assertThat(limiter.tryAcquire(limit, "m7")).isEqualTo(Duration.ofMillis(62_001 - 2_100));
    }

    @Test
    void shouldRefuseTheSixthInASecondOnTheRealClockEveryTime() throws Exception {
        RedisRateLimiter limiter = new RedisRateLimiter(redis, Clock.systemUTC());
        for (int round = 0; round < 20; round++) {
            RateLimit limit = RateLimit.of("real:" + random(6), RateLimit.perSecond(5), RateLimit.perMinute(100));
            for (int i = 0; i < 5; i++) {
                assertThat(limiter.tryAcquire(limit, "m" + i)).isZero();
                Thread.sleep(20);
            }
            assertThat(limiter.tryAcquire(limit, "m5")).as("round " + round).isPositive();
        }
    }
}
