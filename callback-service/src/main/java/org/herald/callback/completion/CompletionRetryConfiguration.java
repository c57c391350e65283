package org.herald.callback.completion;

import org.herald.callback.sending.CallbackProperties;
import org.herald.callback.sending.RetryLaterException;
import org.herald.events.topic.Topics;
import org.herald.transport.EventTransportProperties;
import org.herald.transport.retry.RetryTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;

/**
 * Retry topics {@code herald.messages.completed.callback-service.retry-N}, then
 * {@code herald.messages.completed.dlt}. The retry topics carry the consumer group's name because
 * {@code herald.messages.completed} is a public topic other consumers may retry on too.
 */
@Configuration(proxyBeanMethods = false)
class CompletionRetryConfiguration {

    @Bean
    RetryTopicConfiguration completionRetryTopics(
            KafkaOperations<String, byte[]> kafka, CallbackProperties properties, EventTransportProperties transport) {
        return RetryTopics.configure(
                kafka,
                Topics.MESSAGES_COMPLETED,
                ".callback-service.retry",
                properties.retry(),
                RetryLaterException.class,
                MessageCompletedListener.BEAN_NAME,
                MessageCompletedListener.DEAD_LETTER_METHOD,
                transport);
    }
}
