package org.herald.gateway.security;

import org.herald.gateway.GatewayFilterOrder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Browser hardening headers on every answer, relayed or the gateway's own. The message page may want
 * to be framed by a trusted site, so a backend's own X-Frame-Options wins.
 */
@Component
public class SecurityHeadersFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return GatewayFilterOrder.SECURITY_HEADERS;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            harden(exchange.getResponse().getHeaders());
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    static void harden(HttpHeaders headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        if (headers.getFirst("X-Frame-Options") == null) {
            headers.set("X-Frame-Options", "DENY");
        }
    }
}
