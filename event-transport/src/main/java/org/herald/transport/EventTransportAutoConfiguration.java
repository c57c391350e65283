package org.herald.transport;

import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The Kafka settings that make Herald's contracts hold in every service: durable, idempotent
 * publishing; offsets committed only after the listener returned; internal failures retried in
 * place (the next step cannot succeed while, say, the database is down), unreadable records sent to
 * {@code <topic>.dlt} at once so they cannot block a partition.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(EventTransportProperties.class)
public class EventTransportAutoConfiguration {

    @Bean
    DefaultKafkaProducerFactoryCustomizer heraldDurableProducer() {
        return factory -> factory.updateConfigs(Map.of(
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class));
    }

    /**
     * Every Herald producer waits for the ack of what it sends (the answer to /send, a listener's
     * offset commit), so the client's default 5 ms batching delay would be paid in full at every
     * step of a message; 1 ms still lets concurrent sends share a request. A configured value wins.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer heraldShortLinger() {
        return factory -> {
            if (!factory.getConfigurationProperties().containsKey(ProducerConfig.LINGER_MS_CONFIG)) {
                factory.updateConfigs(Map.of(ProducerConfig.LINGER_MS_CONFIG, 1));
            }
        };
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer heraldCommitAfterWorkConsumer() {
        return factory -> factory.updateConfigs(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
    }

    /** Trace context into and out of record headers; static, as a post-processor must be. */
    @Bean
    static KafkaObservation heraldKafkaObservation() {
        return new KafkaObservation();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock heraldClock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(
            KafkaOperations<String, byte[]> kafka,
            EventTransportProperties properties,
            @Value("${spring.application.name:herald}") String applicationName,
            Clock clock) {
        String source = properties.source() != null ? properties.source() : "/herald/" + applicationName;
        return new EventPublisher(kafka, source, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    EventReader eventReader() {
        return new EventReader();
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler heraldErrorHandler(KafkaOperations<String, byte[]> kafka) {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(
                new DeadLetterPublishingRecoverer(
                        kafka, (record, e) -> new org.apache.kafka.common.TopicPartition(record.topic() + ".dlt", -1)),
                backOff);
        handler.addNotRetryableExceptions(UnreadableEventException.class);
        return handler;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class KafkaHealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
        KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
            return new KafkaHealthIndicator(admin);
        }
    }

    @Bean
    TopicCreator heraldTopics(KafkaAdmin admin, EventTransportProperties properties) {
        return new TopicCreator(admin, properties);
    }
}
