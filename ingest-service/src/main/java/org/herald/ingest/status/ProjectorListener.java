package org.herald.ingest.status;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.herald.events.topic.Topics;
import org.herald.transport.EventReader;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class ProjectorListener {

    private final Projector projector;
    private final EventReader reader;

    ProjectorListener(Projector projector, EventReader reader) {
        this.projector = projector;
        this.reader = reader;
    }

    @KafkaListener(
            topics = "#{T(org.herald.events.topic.Topics).DELIVERY_STATUS.name()}",
            groupId = "ingest-projector",
            // Status events are keyed by message, so one message's events stay with one consumer.
            concurrency = "${herald.ingest.listener-concurrency:3}")
    void on(ConsumerRecord<String, byte[]> record) {
        projector.apply(reader.read(Topics.DELIVERY_STATUS, record).data());
    }
}
