package org.herald.ingest.dispatch;

import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import org.herald.ingest.IngestProperties;
import org.herald.ingest.account.AccountDirectory;
import org.herald.ingest.audience.Audience;
import org.herald.ingest.message.MessageRepository;
import org.herald.sealing.SecretSealer;
import org.herald.transport.EventPublisher;
import org.herald.transport.PollRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class DispatchConfiguration {

    @Bean
    Dispatcher dispatcher(
            MessageRepository messages,
            AccountDirectory accounts,
            SecretSealer sealer,
            EventPublisher publisher,
            TransactionTemplate transactions,
            IngestProperties properties,
            Clock clock,
            DeliveryBatch deliveries,
            Audience audience) {
        FanOut fanOut = new FanOut(messages, deliveries, audience, sealer, publisher, transactions, properties);
        return new Dispatcher(messages, accounts, sealer, publisher, transactions, properties, clock, fanOut);
    }

    @Bean
    PollRecords dispatcherRecords(ObservationRegistry observations) {
        return new PollRecords(observations, DispatcherListener.GROUP);
    }
}
