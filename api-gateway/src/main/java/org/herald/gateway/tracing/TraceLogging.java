package org.herald.gateway.tracing;

import reactor.core.publisher.Mono;

/**
 * Log lines written with the request's trace id in the MDC. The gateway does not restore thread
 * locals at every reactive step ({@code spring.reactor.context-propagation: limited}, for speed);
 * Reactor still restores them around {@code handle}, which is where these lines are written.
 */
public final class TraceLogging {

    private TraceLogging() {}

    /** Writes {@code logging} when subscribed, inside the trace of the request being served. */
    public static Mono<Void> write(Runnable logging) {
        return Mono.just(logging).handle((line, sink) -> {
            line.run();
            sink.complete();
        });
    }
}
