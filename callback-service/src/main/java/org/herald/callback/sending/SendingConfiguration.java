package org.herald.callback.sending;

import java.time.Clock;
import org.herald.outbound.OutboundHttp;
import org.herald.transport.PublishFailedException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationSupport;
import org.springframework.kafka.retrytopic.RetryTopicSchedulerWrapper;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The sender and the two kinds of retry every callback listener shares:
 *
 * <ul>
 *   <li>the receiver failed ({@link RetryLaterException}): non-blocking, through the listener's retry
 *       topics with backoff, then the dead-letter topic (each listener's {@code RetryTopicConfiguration}
 *       names them). Other events of the partition go on meanwhile.
 *   <li>Herald's own database or broker failed: blocking, in place, with backoff and no limit, because
 *       no later event could succeed either and none must be lost.
 * </ul>
 *
 * Anything else (a bug) goes to the dead-letter topic at once and is recorded FAILED there.
 */
@Configuration(proxyBeanMethods = false)
class SendingConfiguration extends RetryTopicConfigurationSupport {

    @Override
    protected void configureBlockingRetries(BlockingRetriesConfigurer blockingRetries) {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(30_000);
        blockingRetries
                .retryOn(DataAccessException.class, TransactionException.class, PublishFailedException.class)
                .backOff(backOff);
    }

    @Bean
    RetryTopicSchedulerWrapper retryTopicScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("callback-retry-");
        return new RetryTopicSchedulerWrapper(scheduler);
    }

    @Bean
    CallbackStore callbackStore(JdbcClient jdbc) {
        return new JdbcCallbackStore(jdbc);
    }

    @Bean
    CallbackSender callbackSender(
            OutboundHttp http,
            CallbackStore store,
            TransactionTemplate transactions,
            Clock clock,
            CallbackProperties properties) {
        return new CallbackSender(
                http, store, transactions, clock, properties.retry().attempts());
    }
}
