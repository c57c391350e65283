package org.herald.gateway.resilience;

import java.nio.charset.StandardCharsets;
import org.herald.gateway.error.ErrorAnswer;
import org.herald.gateway.tracing.TraceLogging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a route's circuit breaker forwards a call it could not complete (backend down, too slow, or
 * the breaker open): a fast pushplus "busy" answer instead of a hanging or raw error.
 */
@Configuration(proxyBeanMethods = false)
class BusyFallback {

    private static final Logger log = LoggerFactory.getLogger(BusyFallback.class);
    static final String PATH = "/fallback/busy";
    private static final MediaType JSON_UTF8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);

    // A private mapper: "data":null must be written whatever spring.jackson.* says about nulls.
    private final JsonMapper json = JsonMapper.builder().build();

    @Bean
    RouterFunction<ServerResponse> busyFallbackRoute() {
        return RouterFunctions.route(RequestPredicates.path(PATH), request -> {
            Route route = request.exchange().getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            if (route == null) {
                // Called directly rather than forwarded by a route's circuit breaker: not an interface.
                return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
            }
            Throwable cause =
                    request.exchange().getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
            ErrorAnswer answer = ErrorAnswer.busy(cause);
            // Paths are never logged: /send/{token} carries a credential.
            return TraceLogging.write(() -> log.warn(
                            "Route {} answered busy {}: {}",
                            route.getId(),
                            answer.status().value(),
                            cause == null ? "no cause" : cause.getClass().getSimpleName() + ": " + cause.getMessage()))
                    .then(ServerResponse.status(answer.status())
                            .contentType(JSON_UTF8)
                            .bodyValue(json.writeValueAsBytes(answer.body())));
        });
    }
}
