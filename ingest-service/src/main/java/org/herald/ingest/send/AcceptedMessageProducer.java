package org.herald.ingest.send;

import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.herald.transport.EventPublisher;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The producer of {@code herald.messages} (decision 64). The topic holds one event per message, so no
 * two of its records need the same partition: they keep the messageId key, the topic's contract, but
 * Kafka's sticky partitioner places them, filling one partition's batch at a time. Placed by key, the
 * sends of a millisecond were spread over every partition, a batch of one or two records each, and the
 * dispatcher polled them one or two at a time. Every other topic stays partitioned by key, because its
 * order per key matters; so this is a producer of its own.
 */
final class AcceptedMessageProducer implements DisposableBean {

    private final KafkaTemplate<String, byte[]> template;
    private final EventPublisher publisher;

    AcceptedMessageProducer(
            ProducerFactory<String, byte[]> producers, ObservationRegistry observations, EventPublisher keyed) {
        template = new KafkaTemplate<>(
                producers,
                Map.of(
                        ProducerConfig.PARTITIONER_IGNORE_KEYS_CONFIG,
                        true,
                        // Apart from the service's other producer in logs, metrics and the broker's quotas.
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "ingest-accepted-messages"));
        // Not a bean (it would replace Spring Boot's template), so the trace into the record headers is
        // switched on here rather than by event-transport's post-processor.
        template.setObservationEnabled(true);
        template.setObservationRegistry(observations);
        publisher = keyed.through(template);
    }

    EventPublisher publisher() {
        return publisher;
    }

    @Override
    public void destroy() throws Exception {
        if (template.getProducerFactory() instanceof DisposableBean producers) {
            producers.destroy();
        }
    }
}
