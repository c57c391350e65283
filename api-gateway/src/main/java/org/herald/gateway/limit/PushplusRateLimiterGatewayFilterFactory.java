package org.herald.gateway.limit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.herald.gateway.client.ClientIp;
import org.herald.gateway.error.Refusal;
import org.herald.gateway.limit.TokenBuckets.Bucket;
import org.herald.gateway.limit.TokenBuckets.Charge;
import org.herald.gateway.tracing.TraceLogging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
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
 * Two Redis token buckets per request, one per client IP and one per pushplus token, each with its own
 * rate per route, asked together in one call ({@link TokenBuckets}). The stock {@code
 * RequestRateLimiter} filter takes one key and one configuration per route and answers an empty 429;
 * pushplus clients expect the envelope with code 900.
 *
 * <p>The token may sit in the body; the body is read here and handed on unchanged. When Redis does not
 * answer, the request goes through and the error is logged: an outage of the limiter must not become
 * an outage of sending.
 */
@Component
public class PushplusRateLimiterGatewayFilterFactory
        extends AbstractGatewayFilterFactory<PushplusRateLimiterGatewayFilterFactory.Config> {

    static final String TOO_MANY = "请求过于频繁，请稍后重试";
    private static final Logger log = LoggerFactory.getLogger(PushplusRateLimiterGatewayFilterFactory.class);

    // One digest per event loop: looking the algorithm up in the security providers cost more than
    // hashing a token (0.8 % of the gateway's CPU at 1,000 requests/s).
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private final TokenBuckets buckets;

    PushplusRateLimiterGatewayFilterFactory(TokenBuckets buckets) {
        super(Config.class);
        this.buckets = buckets;
    }

    @Override
    public GatewayFilter apply(Config config) {
        String route = config.getRouteId();
        int requested = config.getRequestedTokens();
        Bucket byIp = bucket(route, "ip", config.getIpReplenishRate(), config.getIpBurstCapacity(), requested);
        Bucket byToken =
                bucket(route, "token", config.getTokenReplenishRate(), config.getTokenBurstCapacity(), requested);
        return (exchange, chain) -> withBody(exchange, byToken != null).flatMap(read -> {
            ServerWebExchange current = read.exchange();
            List<Charge> charges = new ArrayList<>(2);
            if (byIp != null) {
                charges.add(new Charge(byIp, ClientIp.of(current)));
            }
            String token = byToken == null ? null : tokenOf(current.getRequest(), read.body());
            if (token != null) {
                charges.add(new Charge(byToken, digest(token)));
            }
            Mono<Optional<Bucket>> answer = charges.isEmpty()
                    ? Mono.just(Optional.empty())
                    : buckets.take(requested, charges, RequestLoop.of(current));
            return answer.onErrorResume(e -> TraceLogging.write(() ->
                                    log.warn("Rate limiter unavailable, letting the request through: {}", e.toString()))
                            .thenReturn(Optional.empty()))
                    .flatMap(refused ->
                            refused.isEmpty() ? chain.filter(current) : refuse(current, route, refused.get()));
        });
    }

    private static Bucket bucket(String route, String kind, int rate, long burst, int requested) {
        if (rate <= 0) {
            return null;
        }
        // How long until an empty bucket holds one request's worth of tokens again.
        Duration refill = Duration.ofMillis((1000L * requested + rate - 1) / rate);
        return new Bucket(route + ":" + kind, rate, Math.max(burst, requested), refill);
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, String route, Bucket denied) {
        // The key is not logged: it may be derived from a token.
        log.debug("Route {} refused a request over its {} rate limit", route, denied.name());
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
        byte[] hash = SHA_256.get().digest(token.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash, 0, 16);
    }

    private record Read(ServerWebExchange exchange, byte[] body) {}

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
