package org.herald.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.data.Offset;
import org.herald.gateway.limit.TokenBuckets.Bucket;
import org.herald.gateway.limit.TokenBuckets.Charge;
import org.herald.testservers.RealServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.scheduler.Schedulers;

/** The buckets against a real Redis: what passes, what is refused, and what Redis holds meanwhile. */
class TokenBucketsTest {

    private static LettuceConnectionFactory connections;
    private static ReactiveStringRedisTemplate redis;

    /** Each test's own client, so that no test sees another's buckets. */
    private final String client = UUID.randomUUID().toString();

    @BeforeAll
    static void connect() {
        RealServers.Redis server = RealServers.redis();
        connections = new LettuceConnectionFactory(server.host(), server.port());
        connections.afterPropertiesSet();
        connections.start();
        redis = new ReactiveStringRedisTemplate(connections);
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    @Test
    void shouldLetAClientWellWithinItsLimitThroughOnOneRedisCallPerLease() {
        TokenBuckets gateway = new TokenBuckets(redis);
        Bucket bucket = bucket("lease", 1, 1000);

        assertThat(take(gateway, bucket)).isEmpty();
        String afterFirst = tokensInRedis(bucket);
        assertThat(Double.parseDouble(afterFirst)).isCloseTo(1000 - TokenBuckets.LEASE, offsetOfOneSecond());
        for (int i = 1; i < TokenBuckets.LEASE; i++) {
            assertThat(take(gateway, bucket)).isEmpty();
        }
        // The lease's requests went through without a word to Redis.
        assertThat(tokensInRedis(bucket)).isEqualTo(afterFirst);

        assertThat(take(gateway, bucket)).isEmpty();
        assertThat(Double.parseDouble(tokensInRedis(bucket)))
                .isCloseTo(1000 - 2 * TokenBuckets.LEASE, offsetOfOneSecond());
    }

    @Test
    void shouldRefuseAClientExactlyWhenItsBucketIsEmpty() {
        TokenBuckets gateway = new TokenBuckets(redis);
        Bucket bucket = bucket("exact", 1, 10);

        for (int i = 0; i < 10; i++) {
            assertThat(take(gateway, bucket)).as("request %d", i + 1).isEmpty();
        }

        assertThat(take(gateway, bucket)).contains(bucket);
        assertThat(Double.parseDouble(tokensInRedis(bucket))).isLessThan(1);
    }

    @Test
    void shouldNeverLetTwoInstancesThroughMoreThanTheBucketHolds() {
        TokenBuckets one = new TokenBuckets(redis);
        TokenBuckets other = new TokenBuckets(redis);
        Bucket bucket = bucket("shared", 1, 200);

        long started = System.nanoTime();
        int passed = 0;
        for (int i = 0; i < 300; i++) {
            if (take(i % 2 == 0 ? one : other, bucket).isEmpty()) {
                passed++;
            }
        }
        long refilled = 1 + Duration.ofNanos(System.nanoTime() - started).toSeconds();

        assertThat(passed).isBetween(200, (int) (200 + refilled));
    }

    @Test
    void shouldChargeNoBucketWhenOneOfThemHasNoRoom() {
        TokenBuckets gateway = new TokenBuckets(redis);
        Bucket roomy = bucket("roomy", 1, 1000);
        Bucket tight = bucket("tight", 1, 1);

        assertThat(gateway.take(1, charges(roomy, tight), Schedulers.immediate())
                        .block())
                .isEmpty();
        String roomyAfterFirst = tokensInRedis(roomy);
        assertThat(gateway.take(1, charges(roomy, tight), Schedulers.immediate())
                        .block())
                .contains(tight);

        assertThat(tokensInRedis(roomy)).isEqualTo(roomyAfterFirst);
        assertThat(Double.parseDouble(roomyAfterFirst)).isCloseTo(999, offsetOfOneSecond());
    }

    private Optional<Bucket> take(TokenBuckets gateway, Bucket bucket) {
        return gateway.take(1, charges(bucket), Schedulers.immediate()).block();
    }

    private List<Charge> charges(Bucket... buckets) {
        return Arrays.stream(buckets).map(bucket -> new Charge(bucket, client)).toList();
    }

    private static Bucket bucket(String name, int rate, long capacity) {
        return new Bucket("test:" + name, rate, capacity, Duration.ofSeconds(1));
    }

    private String tokensInRedis(Bucket bucket) {
        return redis.opsForValue()
                .get("herald:gateway:rate:" + bucket.name() + ":" + client + ":tokens")
                .block();
    }

    /** The test's buckets refill at 1 a second; no test here takes longer than a few. */
    private static Offset<Double> offsetOfOneSecond() {
        return Offset.offset(3.0);
    }
}
