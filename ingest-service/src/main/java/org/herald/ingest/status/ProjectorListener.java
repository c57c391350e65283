package org.herald.ingest.status;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.herald.events.topic.Topics;
import org.herald.transport.EventReader;
import org.herald.transport.PollRecords;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class ProjectorListener {

    static final String GROUP = "ingest-projector";

    private final Projector projector;
    private final EventReader reader;
    private final PollRecords projectorRecords;

    ProjectorListener(Projector projector, EventReader reader, PollRecords projectorRecords) {
        this.projector = projector;
        this.reader = reader;
        this.projectorRecords = projectorRecords;
    }

    /**
     * A poll's status events are applied together, with set-based statements; each message's
     * completion is announced in the trace of its last event (events are keyed by message).
     */
    @KafkaListener(
            topics = "#{T(org.herald.events.topic.Topics).DELIVERY_STATUS.name()}",
            groupId = GROUP,
            batch = "true",
            concurrency = "${herald.ingest.listener-concurrency:3}")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        projectorRecords.handle(
                records, record -> reader.read(Topics.DELIVERY_STATUS, record).data(), projector::applyAll);
    }
}
