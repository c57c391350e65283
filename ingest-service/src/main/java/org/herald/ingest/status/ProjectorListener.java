package org.herald.ingest.status;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.herald.events.topic.Topics;
import org.herald.transport.EventReader;
import org.herald.transport.ParallelRecords;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class ProjectorListener {

    static final String GROUP = "ingest-projector";

    private final Projector projector;
    private final EventReader reader;
    private final ParallelRecords projectorRecords;

    ProjectorListener(Projector projector, EventReader reader, ParallelRecords projectorRecords) {
        this.projector = projector;
        this.reader = reader;
        this.projectorRecords = projectorRecords;
    }

    /**
     * Status events are keyed by message: one message's events of a poll are applied together in
     * their order, different messages' at the same time.
     */
    @KafkaListener(
            topics = "#{T(org.herald.events.topic.Topics).DELIVERY_STATUS.name()}",
            groupId = GROUP,
            batch = "true",
            concurrency = "${herald.ingest.listener-concurrency:3}")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        projectorRecords.handleByKey(
                records, record -> reader.read(Topics.DELIVERY_STATUS, record).data(), projector::applyAll);
    }
}
