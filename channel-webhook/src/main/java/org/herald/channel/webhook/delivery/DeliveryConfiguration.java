package org.herald.channel.webhook.delivery;

import java.time.Clock;
import java.util.List;
import org.herald.outbound.OutboundHttp;
import org.herald.sealing.SecretSealer;
import org.herald.transport.EventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

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
    WebhookDeliveryService webhookDeliveryService(
            WebhookFormats formats,
            SecretSealer sealer,
            OutboundHttp http,
            DeliveredLedger ledger,
            StatusReporter status,
            Clock clock,
            WebhookProperties properties) {
        return new WebhookDeliveryService(
                formats, sealer, http, ledger, status, clock, properties.retry().attempts());
    }
}
