package org.herald.channel.webhook.delivery;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.herald.events.topic.Topics;
import org.herald.transport.EventTransportProperties;
import org.herald.transport.PublishFailedException;
import org.herald.transport.retry.RetryAttempts;
import org.herald.transport.retry.RetryTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.SingleRecordHeader;
import org.springframework.kafka.retrytopic.DeadLetterPublishingRecovererFactory;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationSupport;
import org.springframework.kafka.retrytopic.RetryTopicHeaders;
import org.springframework.kafka.retrytopic.RetryTopicSchedulerWrapper;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Two kinds of retry, as the architecture fixes them:
 *
 * <ul>
 *   <li>the target failed transiently ({@link RetryLaterException}): non-blocking, through the retry
 *       topics {@code herald.deliveries.webhook.retry-N} with exponential backoff, then
 *       {@code herald.deliveries.webhook.dlt}. Other requests of the partition go on meanwhile.
 *   <li>Herald's own Redis or Kafka failed: blocking, in place, with backoff and no limit, because no
 *       later request could succeed either and none must be lost.
 * </ul>
 *
 * Anything else (a bug) goes to the dead-letter topic at once and is reported FAILED there.
 *
 * <p>spring-kafka gives every record on a retry topic the topic's fixed delay. Herald replaces that
 * due time ({@code retry_topic-backoff-timestamp}) with {@link RetryBackoff}'s: jittered, and never
 * earlier than the target's own {@code Retry-After}.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryRetryConfiguration extends RetryTopicConfigurationSupport {

    private final RetryBackoff backoff;
    private final Clock clock;

    DeliveryRetryConfiguration(WebhookProperties properties, Clock clock) {
        this.backoff = new RetryBackoff(properties.retry(), properties.retryJitter(), () -> ThreadLocalRandom.current()
                .nextDouble());
        this.clock = clock;
    }

    @Override
    protected Consumer<DeadLetterPublishingRecovererFactory> configureDeadLetterPublishingContainerFactory() {
        return factory -> factory.setHeadersFunction((record, exception) -> {
            RetryLaterException retry = retryLater(exception);
            Headers headers = new RecordHeaders();
            if (retry != null) {
                // A SingleRecordHeader replaces the value spring-kafka computed instead of adding one.
                headers.add(new SingleRecordHeader(
                        RetryTopicHeaders.DEFAULT_HEADER_BACKOFF_TIMESTAMP,
                        RetryBackoff.header(
                                backoff.nextAttemptAt(RetryAttempts.of(record), clock.instant(), retry.notBefore()))));
            }
            return headers;
        });
    }

    private static RetryLaterException retryLater(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetryLaterException retry) {
                return retry;
            }
        }
        return null;
    }

    @Override
    protected void configureBlockingRetries(BlockingRetriesConfigurer blockingRetries) {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(30_000);
        blockingRetries
                .retryOn(DataAccessException.class, PublishFailedException.class)
                .backOff(backOff);
    }

    @Bean
    RetryTopicConfiguration webhookRetryTopics(
            KafkaOperations<String, byte[]> kafka, WebhookProperties properties, EventTransportProperties transport) {
        return RetryTopics.configure(
                kafka,
                Topics.DELIVERIES_WEBHOOK,
                ".retry",
                properties.retry(),
                RetryLaterException.class,
                WebhookDeliveryListener.BEAN_NAME,
                WebhookDeliveryListener.DEAD_LETTER_METHOD,
                properties.retryConcurrency(),
                transport);
    }

    @Bean
    RetryTopicSchedulerWrapper retryTopicScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("webhook-retry-");
        return new RetryTopicSchedulerWrapper(scheduler);
    }
}
