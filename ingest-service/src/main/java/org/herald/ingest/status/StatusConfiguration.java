package org.herald.ingest.status;

import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import org.herald.ingest.IngestProperties;
import org.herald.ingest.account.AccountDirectory;
import org.herald.ingest.message.MessageRepository;
import org.herald.transport.EventPublisher;
import org.herald.transport.PollRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class StatusConfiguration {

    @Bean
    Projector projector(
            MessageRepository messages,
            AccountDirectory accounts,
            EventPublisher publisher,
            TransactionTemplate transactions,
            IngestProperties properties,
            Clock clock) {
        return new Projector(messages, accounts, publisher, transactions, properties.publishTimeout(), clock);
    }

    @Bean
    PollRecords projectorRecords(ObservationRegistry observations) {
        return new PollRecords(observations, ProjectorListener.GROUP);
    }
}
