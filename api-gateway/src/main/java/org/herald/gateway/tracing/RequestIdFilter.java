package org.herald.gateway.tracing;

import java.util.List;
import org.herald.gateway.GatewayFilterOrder;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Gives every request an X-Request-Id, passes it to the backend and returns it to the caller. */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return GatewayFilterOrder.REQUEST_ID;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> incoming = exchange.getRequest().getHeaders().get(RequestIds.HEADER);
        // Several ids are as unusable as a malformed one: nobody could tell which one to search for.
        String id = RequestIds.choose(incoming != null && incoming.size() == 1 ? incoming.get(0) : null);
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(RequestIds.HEADER, id);
            return Mono.empty();
        });
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(RequestIds.HEADER, id)))
                .build());
    }
}
