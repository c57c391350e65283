package org.herald.ingest.send;

import java.time.Clock;
import org.herald.ingest.IngestProperties;
import org.herald.ingest.account.AccountDirectory;
import org.herald.transport.EventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class SendConfiguration {

    @Bean
    SendValidator sendValidator(AccountDirectory accounts, IngestProperties properties, Clock clock) {
        return new SendValidator(accounts, properties.maxTitleLength(), properties.maxContentLength(), clock);
    }

    @Bean
    SendService sendService(
            SendValidator validator, EventPublisher publisher, IngestProperties properties, Clock clock) {
        return new SendService(validator, publisher, properties.publishTimeout(), clock);
    }

    @Bean
    RequestParameters requestParameters(JsonMapper json) {
        return new RequestParameters(json);
    }
}
