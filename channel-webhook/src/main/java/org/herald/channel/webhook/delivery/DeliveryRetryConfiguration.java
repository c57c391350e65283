package org.herald.channel.webhook.delivery;

import org.herald.events.topic.Topics;
import org.herald.transport.EventTransportProperties;
import org.herald.transport.PublishFailedException;
import org.herald.transport.retry.RetryTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationSupport;
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
 */
@Configuration(proxyBeanMethods = false)
class DeliveryRetryConfiguration extends RetryTopicConfigurationSupport {

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
                transport);
    }

    @Bean
    RetryTopicSchedulerWrapper retryTopicScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("webhook-retry-");
        return new RetryTopicSchedulerWrapper(scheduler);
    }
}
