package org.herald.gateway.client;

import java.net.InetSocketAddress;
import org.herald.gateway.GatewayFilterOrder;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Resolves the caller's address once per request, so the rate limiter and the invalid-token block
 * judge the same client.
 */
@Component
public class ClientIp implements WebFilter, Ordered {

    private static final String ATTRIBUTE = ClientIp.class.getName();

    private final TrustedProxies trustedProxies;

    ClientIp(ClientIpProperties properties) {
        this.trustedProxies = TrustedProxies.of(properties.trustedProxies());
    }

    /** The client address resolved for this exchange; "unknown" when the socket peer is unknown. */
    public static String of(ServerWebExchange exchange) {
        String ip = exchange.getAttribute(ATTRIBUTE);
        return ip != null ? ip : "unknown";
    }

    @Override
    public int getOrder() {
        return GatewayFilterOrder.CLIENT_IP;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String peer = remote != null && remote.getAddress() != null
                ? remote.getAddress().getHostAddress()
                : "unknown";
        String client = trustedProxies.clientOf(
                peer, TrustedProxies.entries(exchange.getRequest().getHeaders().get("X-Forwarded-For")));
        exchange.getAttributes().put(ATTRIBUTE, client);
        return chain.filter(exchange);
    }
}
