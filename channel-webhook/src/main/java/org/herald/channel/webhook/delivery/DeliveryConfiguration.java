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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaOperations;

@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

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
