package org.herald.gateway.limit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.herald.gateway.client.ClientIp;
import org.herald.gateway.error.Refusal;
import org.herald.gateway.tracing.TraceLogging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.HasRouteId;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Cloud Gateway's Redis token bucket ({@link RedisRateLimiter}, its Lua script), applied twice
 * per request: once per client IP and once per pushplus token, each with its own rate per route. The
 * stock {@code RequestRateLimiter} filter takes one key and one configuration per route and answers
 * an empty 429; pushplus clients expect the envelope with code 900.
 *
 * <p>The token may sit in the body; the body is read here and handed on unchanged. When Redis does not
 * answer, {@link RedisRateLimiter} lets the request through and logs the error: an outage of the
 * limiter must not become an outage of sending.
 */
@Component
public class PushplusRateLimiterGatewayFilterFactory
        extends AbstractGatewayFilterFactory<PushplusRateLimiterGatewayFilterFactory.Config> {

    static final String TOO_MANY = "请求过于频繁，请稍后重试";
    private static final Logger log = LoggerFactory.getLogger(PushplusRateLimiterGatewayFilterFactory.class);

    private final RedisRateLimiter limiter;

    PushplusRateLimiterGatewayFilterFactory(RedisRateLimiter limiter) {
        super(Config.class);
        this.limiter = limiter;
    }

    @Override
    public GatewayFilter apply(Config config) {
        String route = config.getRouteId();
        Bucket byIp = bucket(route, "ip", config.getIpReplenishRate(), config.getIpBurstCapacity(), config);
        Bucket byToken = bucket(route, "token", config.getTokenReplenishRate(), config.getTokenBurstCapacity(), config);
        return (exchange, chain) -> withBody(exchange, byToken != null).flatMap(read -> {
            ServerWebExchange current = read.exchange();
            String token = byToken == null ? null : tokenOf(current.getRequest(), read.body());
            // Both buckets are asked at once: one Redis round trip of latency instead of two. A request
            // one bucket refuses still spends a token of the other, which only a client already over
            // a limit notices.
            Mono<Bucket> ipVerdict = take(byIp, ClientIp.of(current));
            Mono<Bucket> tokenVerdict = token == null ? Mono.just(Bucket.NONE) : take(byToken, digest(token));
            return Mono.zip(ipVerdict, tokenVerdict)
                    .map(verdicts -> verdicts.getT1() != Bucket.NONE ? verdicts.getT1() : verdicts.getT2())
                    .flatMap(denied -> denied == Bucket.NONE ? chain.filter(current) : refuse(current, route, denied));
        });
    }

    private Bucket bucket(String route, String kind, int rate, long burst, Config config) {
        if (rate <= 0) {
            return null;
        }
        String name = route + "|" + kind;
        limiter.getConfig()
                .put(
                        name,
                        new RedisRateLimiter.Config()
                                .setReplenishRate(rate)
                                .setBurstCapacity(Math.max(burst, config.getRequestedTokens()))
                                .setRequestedTokens(config.getRequestedTokens()));
        // Seconds until the bucket holds one request's worth of tokens again.
        Duration refill = Duration.ofMillis((1000L * config.getRequestedTokens() + rate - 1) / rate);
        return new Bucket(name, route + ":" + kind + ":", refill);
    }

    /** Emits the bucket that refused the request, or {@link Bucket#NONE} when it had room. */
    private Mono<Bucket> take(Bucket bucket, String key) {
        if (bucket == null) {
            return Mono.just(Bucket.NONE);
        }
        return limiter.isAllowed(bucket.configName(), bucket.keyPrefix() + key)
                .map(RateLimiter.Response::isAllowed)
                .onErrorResume(e -> TraceLogging.write(() ->
                                log.warn("Rate limiter unavailable, letting the request through: {}", e.toString()))
                        .thenReturn(true))
                .map(allowed -> allowed ? Bucket.NONE : bucket);
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, String route, Bucket denied) {
        // The key is not logged: it may be derived from a token.
        log.debug("Route {} refused a request over its {} rate limit", route, denied.configName());
        return Refusal.answer(exchange, HttpStatus.TOO_MANY_REQUESTS, TOO_MANY, denied.refill());
    }

    private static String tokenOf(ServerHttpRequest request, byte[] body) {
        return TokenFinder.find(
                request.getURI().getRawPath(),
                request.getURI().getRawQuery(),
                request.getHeaders().getContentType(),
                body);
    }

    /**
     * Reads a JSON or form body, the only kinds that can carry a token, and puts the same bytes back
     * for the backend. The body-size filter has bounded it already.
     */
    private static Mono<Read> withBody(ServerWebExchange exchange, boolean needed) {
        ServerHttpRequest request = exchange.getRequest();
        MediaType type = request.getHeaders().getContentType();
        boolean mayCarryToken = needed
                && type != null
                && request.getMethod() != HttpMethod.GET
                && request.getMethod() != HttpMethod.HEAD
                && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
                        || MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type));
        if (!mayCarryToken) {
            return Mono.just(new Read(exchange, new byte[0]));
        }
        return DataBufferUtils.join(request.getBody())
                .map(BodySizeLimitFilter::copyAndRelease)
                .defaultIfEmpty(new byte[0])
                .map(body -> new Read(
                        exchange.mutate()
                                .request(new CollectedBody(request, body))
                                .build(),
                        body));
    }

    /**
     * The limiter's key for a token: a hash, so that Redis never holds a credential in clear. SHA-256
     * without salt suffices; the point is only that a Redis dump reveals no usable token.
     */
    static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Read(ServerWebExchange exchange, byte[] body) {}

    private record Bucket(String configName, String keyPrefix, Duration refill) {
        static final Bucket NONE = new Bucket("", "", Duration.ZERO);
    }

    /**
     * Per-route limits. A rate of 0 switches that limit off for the route (WeChat's servers, for
     * instance, share a few addresses). Requests without a token are limited by address only.
     */
    public static class Config implements HasRouteId {

        private String routeId;
        private int tokenReplenishRate;
        private long tokenBurstCapacity;
        private int ipReplenishRate;
        private long ipBurstCapacity;
        private int requestedTokens = 1;

        @Override
        public void setRouteId(String routeId) {
            this.routeId = routeId;
        }

        @Override
        public String getRouteId() {
            return routeId;
        }

        public int getTokenReplenishRate() {
            return tokenReplenishRate;
        }

        public void setTokenReplenishRate(int tokenReplenishRate) {
            this.tokenReplenishRate = tokenReplenishRate;
        }

        public long getTokenBurstCapacity() {
            return tokenBurstCapacity;
        }

        public void setTokenBurstCapacity(long tokenBurstCapacity) {
            this.tokenBurstCapacity = tokenBurstCapacity;
        }

        public int getIpReplenishRate() {
            return ipReplenishRate;
        }

        public void setIpReplenishRate(int ipReplenishRate) {
            this.ipReplenishRate = ipReplenishRate;
        }

        public long getIpBurstCapacity() {
            return ipBurstCapacity;
        }

        public void setIpBurstCapacity(long ipBurstCapacity) {
            this.ipBurstCapacity = ipBurstCapacity;
        }

        public int getRequestedTokens() {
            return requestedTokens;
        }

        public void setRequestedTokens(int requestedTokens) {
            this.requestedTokens = Math.max(1, requestedTokens);
        }
    }
}
