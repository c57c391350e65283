package org.herald.gateway.error;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A refusal the gateway answers itself before any backend is called (rate limit, blocked IP), in the
 * pushplus envelope, with {@code Retry-After} telling the client when trying again makes sense.
 */
public final class Refusal {

    /** pushplus' code for "too many requests / access limited". */
    public static final int LIMITED = 900;

    private static final MediaType JSON_UTF8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);
    // A private mapper: "data":null must be written whatever spring.jackson.* says about nulls.
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Refusal() {}

    public static Mono<Void> answer(ServerWebExchange exchange, HttpStatus status, String msg, Duration retryAfter) {
        ServerHttpResponse response = exchange.getResponse();
        byte[] body = JSON.writeValueAsBytes(Envelope.of(LIMITED, msg));
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(JSON_UTF8);
        headers.setContentLength(body.length);
        // Whole seconds, at least one: "Retry-After: 0" would invite an immediate retry storm.
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
