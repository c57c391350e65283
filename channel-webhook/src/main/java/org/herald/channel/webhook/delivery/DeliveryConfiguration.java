package org.herald.channel.webhook.delivery;

import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.herald.channel.webhook.isolation.HostIsolation;
import org.herald.channel.webhook.isolation.IsolationProperties;
import org.herald.channel.webhook.ratelimit.RateLimiter;
import org.herald.channel.webhook.ratelimit.RedisRateLimiter;
import org.herald.outbound.OutboundHttp;
import org.herald.sealing.SecretSealer;
import org.herald.transport.EventPublisher;
import org.herald.transport.EventTransportProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    static final String ASYNC_ACK_CONTAINER_FACTORY = "webhookDeliveryContainerFactory";

    /**
     * For the delivery listener, its retry topics and its dead-letter topic, whose methods return a
     * future: records are acknowledged when it completes, out of order, and offsets are committed in
     * order behind them. Declared, not left to spring-kafka's detection of the return type, because the
     * retry topics' error handler only then stops seeking after an error; a seek while the container
     * waits for a poll's acknowledgements stalls the consumer for good. Everything else is Boot's (the
     * same settings as every other listener of the service).
     */
    @Bean(ASYNC_ACK_CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> webhookDeliveryContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ObjectProvider<ConsumerFactory<Object, Object>> consumerFactory) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory.getObject());
        factory.getContainerProperties().setAckMode(AckMode.MANUAL);
        factory.getContainerProperties().setAsyncAcks(true);
        return factory;
    }

    @Bean
    WebhookFormats webhookFormats(List<WebhookFormat> formats) {
        return new WebhookFormats(formats);
    }

    @Bean
    DeliveredLedger deliveredLedger(StringRedisTemplate redis, WebhookProperties properties, Clock clock) {
        return new RedisDeliveredLedger(redis, properties.deliveredTtl(), clock);
    }

    @Bean
    StatusReporter statusReporter(EventPublisher publisher, WebhookProperties properties, Clock clock) {
        return new KafkaStatusReporter(publisher, clock, properties.statusPublishTimeout());
    }

    @Bean
    RateLimiter rateLimiter(StringRedisTemplate redis, Clock clock) {
        return new RedisRateLimiter(redis, clock);
    }

    @Bean
    DeliveryLanes deliveryLanes(WebhookProperties properties) {
        return new DeliveryLanes(properties.deliveriesInFlight());
    }

    @Bean
    HostIsolation hostIsolation(IsolationProperties properties) {
        return new HostIsolation(properties);
    }

    @Bean
    DelayTopic delayTopic(KafkaOperations<String, byte[]> kafka, WebhookProperties properties) {
        return new DelayTopic(kafka, properties.statusPublishTimeout());
    }

    @Bean
    NewTopic webhookDelayTopic(EventTransportProperties transport) {
        return new NewTopic(DelayTopic.NAME, transport.partitions(), transport.replicationFactor());
    }

    @Bean
    WebhookDeliveryService webhookDeliveryService(
            WebhookFormats formats,
            SecretSealer sealer,
            OutboundHttp http,
            DeliveredLedger ledger,
            StatusReporter status,
            Clock clock,
            WebhookProperties properties,
            RateLimiter limiter,
            HostIsolation isolation) {
        return new WebhookDeliveryService(
                formats,
                sealer,
                http,
                ledger,
                status,
                clock,
                properties.retry().attempts(),
                limiter,
                isolation,
                properties.maxInPlaceWait(),
                duration -> Thread.sleep(duration.toMillis()));
    }
}
