package org.herald.ingest.send;

import java.time.Clock;
import org.herald.ingest.IngestProperties;
import org.herald.ingest.account.AccountDirectory;
import org.herald.ingest.audience.RecipientCheck;
import org.herald.outbound.UrlGuard;
import org.herald.transport.EventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
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
    SendService sendService(
            SendValidator validator,
            SendRules rules,
            SendLimits limits,
            EventPublisher publisher,
            IngestProperties properties,
            Clock clock) {
        return new SendService(validator, rules, limits, publisher, properties.publishTimeout(), clock);
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
