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
     *
     * <p>The fetch waits for a batch (decision 62): the read model is off the path of a delivery, and
     * a poll costs the same handful of statements whether it holds one event or hundreds, so fetching
     * each event as it arrives made PostgreSQL's cost per message double at moderate rates.
     */
    @KafkaListener(
            topics = "#{T(org.herald.events.topic.Topics).DELIVERY_STATUS.name()}",
            groupId = GROUP,
            batch = "true",
            concurrency = "${herald.ingest.listener-concurrency:3}",
            properties = {
                "fetch.min.bytes=${herald.ingest.projector.fetch-min-bytes:65536}",
                "fetch.max.wait.ms=${herald.ingest.projector.fetch-max-wait-ms:100}"
            })
    void on(List<ConsumerRecord<String, byte[]>> records) {
        projectorRecords.handle(
                records, record -> reader.read(Topics.DELIVERY_STATUS, record).data(), projector::applyAll);
    }
}
