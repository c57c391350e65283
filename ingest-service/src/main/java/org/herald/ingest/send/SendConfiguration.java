package org.herald.ingest.send;

import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import org.herald.ingest.IngestProperties;
import org.herald.ingest.account.AccountDirectory;
import org.herald.ingest.audience.RecipientCheck;
import org.herald.outbound.UrlGuard;
import org.herald.transport.EventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.ProducerFactory;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class SendConfiguration {

    @Bean
    SendValidator sendValidator(
            AccountDirectory accounts, IngestProperties properties, Clock clock, RecipientCheck recipients) {
        return new SendValidator(
                accounts,
                properties.maxTitleLength(),
                properties.maxContentLength(),
                clock,
                properties.openChannels(),
                recipients);
    }

    @Bean
    AcceptedMessageProducer acceptedMessageProducer(
            ProducerFactory<String, byte[]> producers, ObservationRegistry observations, EventPublisher publisher) {
        return new AcceptedMessageProducer(producers, observations, publisher);
    }

    @Bean
    SendService sendService(
            SendValidator validator,
            SendRules rules,
            SendLimits limits,
            AcceptedMessageProducer acceptedMessages,
            IngestProperties properties,
            Clock clock) {
        return new SendService(
                validator, rules, limits, acceptedMessages.publisher(), properties.publishTimeout(), clock);
    }

    @Bean
    SendRules sendRules(UrlGuard urlGuard, IngestProperties properties, Clock clock) {
        return new SendRules(urlGuard, properties.maxRecipients(), properties.maxDeadlineAhead(), clock);
    }

    @Bean
    SendLimits sendLimits(StringRedisTemplate redis, IngestProperties properties, Clock clock) {
        return new SendLimits(
                new RedisSendCounters(redis),
                properties.sameContentLimit(),
                properties.sameContentWindow(),
                properties::dailyQuotaOf,
                clock);
    }

    @Bean
    BatchSender batchSender(SendService sendService, IngestProperties properties) {
        return new BatchSender(sendService, properties.maxBatchChannels());
    }

    @Bean
    SendRequestReader sendRequestReader(JsonMapper json) {
        return new SendRequestReader(new RequestParameters(json));
    }
}
