package org.herald.gateway.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.herald.gateway.client.ClientIp;
import org.herald.gateway.error.Refusal;
import org.herald.gateway.tracing.TraceLogging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Blocks an address that keeps presenting invalid tokens. Ingest marks each of its pushplus answers
 * with {@code X-Herald-Code}; every 903 ("无效的用户token") counts against the client's address in Redis,
 * and at the threshold the address is refused with HTTP 403 and code 900 before ingest is called. The
 * marker header is internal and removed from the answer to the client. Redis trouble lets requests
 * through (logged): the block is a guard, not a gate sending depends on.
 *
 * <p>What Redis said about an address is remembered here for {@code recheck-after} (1 s): asking on
 * every request was a third of the gateway's Redis round trips, each a wait and a thread hop, for a
 * state that changes a few times a day. A block this instance makes applies here at once.
 */
@Component
public class InvalidTokenBlockGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    /** The header ingest puts its pushplus code in. */
    public static final String CODE_HEADER = "X-Herald-Code";

    static final String BLOCKED = "该IP因多次使用无效token已被临时封禁，请稍后再试";
    static final String INVALID_TOKEN = "903";
    private static final String COUNT_PREFIX = "herald:gateway:invalid-token:";
    private static final String BLOCK_PREFIX = "herald:gateway:blocked-ip:";
    private static final Logger log = LoggerFactory.getLogger(InvalidTokenBlockGatewayFilterFactory.class);

    // Counting, expiring and blocking in one step, so that no crash between them leaves a counter
    // that never expires. Returns the count, or -1 when this call blocked the address.
    private static final RedisScript<Long> COUNT = RedisScript.of(
            """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            if n >= tonumber(ARGV[2]) then
              redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[3])
              redis.call('DEL', KEYS[1])
              return -1
            end
            return n
            """,
            Long.class);

    /** Addresses remembered at once; beyond, the least recently used are asked about again. */
    private static final int REMEMBERED_ADDRESSES = 100_000;

    private final ReactiveStringRedisTemplate redis;
    private final InvalidTokenBlockProperties properties;
    private final Clock clock;
    /** Address → blocked until (epoch millis; 0 when not blocked), as Redis last said. */
    private final Cache<String, Long> blockedUntil;

    InvalidTokenBlockGatewayFilterFactory(ReactiveStringRedisTemplate redis, InvalidTokenBlockProperties properties) {
        super(Object.class);
        this.redis = redis;
        this.properties = properties;
        this.clock = Clock.systemUTC();
        this.blockedUntil = Caffeine.newBuilder()
                .maximumSize(REMEMBERED_ADDRESSES)
                .expireAfterWrite(properties.recheckAfter())
                .build();
    }

    @Override
    public GatewayFilter apply(Object config) {
        return (exchange, chain) -> {
            String ip = ClientIp.of(exchange);
            return blockedFor(exchange, ip).flatMap(remaining -> {
                if (!remaining.isZero()) {
                    return Refusal.answer(exchange, HttpStatus.FORBIDDEN, BLOCKED, remaining);
                }
                watchAnswer(exchange, ip);
                return chain.filter(exchange);
            });
        };
    }

    /** How long the address stays blocked; zero when it is not (or Redis cannot tell). */
    private Mono<Duration> blockedFor(ServerWebExchange exchange, String ip) {
        Long remembered = blockedUntil.getIfPresent(ip);
        if (remembered != null) {
            return Mono.just(remaining(remembered));
        }
        return redis.opsForValue()
                .get(BLOCK_PREFIX + ip)
                .publishOn(RequestLoop.of(exchange))
                .map(Long::parseLong)
                .defaultIfEmpty(0L)
                .map(until -> remaining(remember(ip, until)))
                .onErrorResume(e -> TraceLogging.write(() -> log.warn(
                                "Invalid-token block unavailable, letting the request through: {}", e.toString()))
                        .thenReturn(Duration.ZERO));
    }

    /**
     * Keeps the later of what is remembered and {@code until}: an answer read before this instance
     * blocked the address must not lift the block.
     */
    private long remember(String ip, long until) {
        if (properties.recheckAfter().isZero()) {
            return until;
        }
        return blockedUntil.asMap().merge(ip, until, Math::max);
    }

    private Duration remaining(long until) {
        return Duration.ofMillis(Math.max(0, until - clock.millis()));
    }

    private void watchAnswer(ServerWebExchange exchange, String ip) {
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            String code = response.getHeaders().getFirst(CODE_HEADER);
            response.getHeaders().remove(CODE_HEADER);
            return INVALID_TOKEN.equals(code) ? countInvalid(exchange, ip) : Mono.empty();
        });
    }

    private Mono<Void> countInvalid(ServerWebExchange exchange, String ip) {
        long until = clock.millis() + properties.blockFor().toMillis();
        return redis.execute(
                        COUNT,
                        List.of(COUNT_PREFIX + ip, BLOCK_PREFIX + ip),
                        List.of(
                                Long.toString(properties.window().toMillis()),
                                Integer.toString(properties.threshold()),
                                Long.toString(properties.blockFor().toMillis()),
                                Long.toString(until)))
                .next()
                .publishOn(RequestLoop.of(exchange))
                .flatMap(count -> {
                    if (count >= 0) {
                        return Mono.<Void>empty();
                    }
                    remember(ip, until);
                    return TraceLogging.write(() -> log.warn(
                            "Blocked {} for {} after {} invalid tokens",
                            ip,
                            properties.blockFor(),
                            properties.threshold()));
                })
                .onErrorResume(
                        e -> TraceLogging.write(() -> log.warn("Could not count an invalid token: {}", e.toString())))
                .then();
    }
}
