package org.herald.transport.retry;

import org.herald.events.topic.TopicDefinition;
import org.herald.transport.EventTransportProperties;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationBuilder;

/**
 * Herald's shape of spring-kafka's non-blocking retries: {@code <topic><retrySuffix>-0..N} with
 * exponential backoff, then {@code <topic>.dlt} (the same dead-letter topic the shared error handler
 * uses), whose records go to one handler method, and a failing handler is not retried.
 */
public final class RetryTopics {

    private RetryTopics() {}

    /**
     * @param retrySuffix e.g. {@code .retry}; a consumer of a public topic names its group in it so
     *     its retry topics are its own
     * @param retryOn the exception a listener throws to ask for a later attempt
     * @param deadLetterBean the bean whose method handles the dead-letter topic
     * @param deadLetterMethod that method's name
     * @param concurrency consumers per retry topic and for the dead-letter topic in one instance: they
     *     carry a fraction of the main topic's records, and each idle consumer still fetches and sends
     *     heartbeats
     */
    public static RetryTopicConfiguration configure(
            KafkaOperations<String, byte[]> kafka,
            TopicDefinition<?> topic,
            String retrySuffix,
            RetrySchedule schedule,
            Class<? extends Throwable> retryOn,
            String deadLetterBean,
            String deadLetterMethod,
            int concurrency,
            EventTransportProperties transport) {
        return RetryTopicConfigurationBuilder.newInstance()
                .includeTopic(topic.name())
                .maxAttempts(schedule.attempts())
                .exponentialBackoff(
                        schedule.initialDelay().toMillis(),
                        schedule.multiplier(),
                        schedule.maxDelay().toMillis())
                .retryOn(retryOn)
                .retryTopicSuffix(retrySuffix)
                .dltSuffix(".dlt")
                .suffixTopicsWithIndexValues()
                .autoCreateTopicsWith(transport.partitions(), transport.replicationFactor())
                .concurrency(concurrency)
                .dltHandlerMethod(deadLetterBean, deadLetterMethod)
                .doNotRetryOnDltFailure()
                .create(kafka);
    }
}
