package org.herald.callback.sending;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.herald.callback.endpoint.EndpointStore;
import org.herald.outbound.OutboundHttp;
import org.herald.sealing.SecretSealer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sender, its durable schedule and the poller. Kafka listeners only register callbacks: a
 * failing receiver is retried from {@code callback_events}, not through retry topics, so delays of
 * hours and a receiver's {@code Retry-After} cost nothing on the broker. Failures of Herald's own
 * database are retried in place by event-transport's error handler; unreadable records go to
 * {@code <topic>.dlt}.
 */
@Configuration(proxyBeanMethods = false)
class SendingConfiguration {

    @Bean
    CallbackStore callbackStore(JdbcClient jdbc) {
        return new CallbackStore(jdbc);
    }

    @Bean
    EndpointStore endpointStore(JdbcClient jdbc) {
        return new EndpointStore(jdbc);
    }

    @Bean
    CallbackMetrics callbackMetrics(MeterRegistry registry) {
        return new CallbackMetrics(registry);
    }

    @Bean
    CallbackSender callbackSender(
            OutboundHttp http,
            CallbackStore store,
            EndpointStore endpoints,
            SecretSealer sealer,
            TransactionTemplate transactions,
            Clock clock,
            CallbackProperties properties,
            CallbackMetrics metrics) {
        CallbackProperties.Retry retry = properties.retry();
        return new CallbackSender(
                http,
                store,
                endpoints,
                sealer,
                transactions,
                clock,
                new RetryPlan(retry.schedule(), retry.jitter(), retry.maxRetryAfter(), () -> ThreadLocalRandom.current()
                        .nextDouble()),
                new EndpointBreakers(properties.breaker()),
                metrics,
                properties.disableAfter());
    }

    @Bean
    DuePoller duePoller(CallbackSender sender, CallbackProperties properties) {
        return new DuePoller(sender, properties.poller());
    }
}
