package org.herald.gateway.error;

import java.nio.charset.StandardCharsets;
import org.herald.gateway.tracing.TraceLogging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers gateway failures in pushplus JSON. Ordered ahead of Spring Boot's error handler (order -1),
 * which would render Spring's own error body. Paths are never logged: {@code /send/{token}} carries a
 * credential.
 */
@Component
@Order(-2)
public class PushplusErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PushplusErrorHandler.class);
    private static final MediaType JSON_UTF8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);

    // A private mapper: "data":null must be written whatever spring.jackson.* says about nulls.
    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        ServerHttpRequest request = exchange.getRequest();
        ErrorAnswer answer =
                ErrorAnswer.of(request.getMethod().name(), request.getPath().value(), error);
        byte[] body = json.writeValueAsBytes(answer.body());
        response.setStatusCode(answer.status());
        response.getHeaders().setContentType(JSON_UTF8);
        response.getHeaders().setContentLength(body.length);
        return TraceLogging.write(() -> report(exchange, answer, error))
                .then(response.writeWith(Mono.just(response.bufferFactory().wrap(body))));
    }

    private static void report(ServerWebExchange exchange, ErrorAnswer answer, Throwable error) {
        if (answer.status().is4xxClientError()) {
            return;
        }
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String routeId = route != null ? route.getId() : "none";
        if (ErrorAnswer.backendUnreachable(error) || answer.status().value() != 500) {
            log.warn("Route {} answered {}: {}", routeId, answer.status().value(), rootMessage(error));
        } else {
            log.error("Route {} failed", routeId, error);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
