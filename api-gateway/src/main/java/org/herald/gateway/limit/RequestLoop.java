package org.herald.gateway.limit;

import io.netty.channel.EventLoop;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * Where a request's work continues after a Redis answer: the event loop of the client's connection.
 * Lettuce delivers answers on its own I/O thread, which must stay free to read replies (with the
 * whole filter chain on it, its calls timed out at 45 requests/s). Continuing on the request's loop
 * costs one hand-over, and the call to ingest is then made from an event loop, so the connection
 * pool gives a connection of that loop and needs no further hand-over, as it did from Lettuce's
 * computation threads (decision 59).
 */
final class RequestLoop {

    /** One scheduler per event loop; there are as many loops as Reactor Netty's resources hold. */
    private static final Map<EventLoop, Scheduler> SCHEDULERS = new ConcurrentHashMap<>();

    private RequestLoop() {}

    /** The request's event loop, or Reactor's parallel threads when the request came in otherwise. */
    static Scheduler of(ServerWebExchange exchange) {
        Object nativeRequest;
        try {
            nativeRequest = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        } catch (IllegalArgumentException notAServerRequest) {
            return Schedulers.parallel();
        }
        if (nativeRequest instanceof Connection connection) {
            return SCHEDULERS.computeIfAbsent(connection.channel().eventLoop(), Schedulers::fromExecutor);
        }
        return Schedulers.parallel();
    }
}
