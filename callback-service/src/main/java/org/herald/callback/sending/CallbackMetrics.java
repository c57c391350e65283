package org.herald.callback.sending;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code herald.callback.attempts}, tagged by {@code outcome} and the callback's {@code event}. */
public final class CallbackMetrics {

    public enum Outcome {
        DELIVERED,
        /** Failed with attempts left: scheduled again. */
        RETRY,
        /** Failed for good: last attempt, 410, refused URL or asked to abort. */
        FAILED,
        /** Not posted: no URL or a disabled endpoint. */
        NOT_SENT,
        /** Not attempted now: the endpoint's circuit breaker is open. */
        DEFERRED
    }

    private final MeterRegistry registry;

    public CallbackMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String event, Outcome outcome) {
        Counter.builder("herald.callback.attempts")
                .description("Callback attempts by outcome")
                .tag("event", event)
                .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry)
                .increment();
    }
}
