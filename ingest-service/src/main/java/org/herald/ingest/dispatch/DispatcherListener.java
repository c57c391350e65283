package org.herald.ingest.dispatch;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.herald.events.topic.Topics;
import org.herald.transport.EventReader;
import org.herald.transport.ParallelRecords;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class DispatcherListener {

    static final String GROUP = "ingest-dispatcher";

    private final Dispatcher dispatcher;
    private final EventReader reader;
    private final ParallelRecords dispatcherRecords;

    DispatcherListener(Dispatcher dispatcher, EventReader reader, ParallelRecords dispatcherRecords) {
        this.dispatcher = dispatcher;
        this.reader = reader;
        this.dispatcherRecords = dispatcherRecords;
    }

    /**
     * A poll's messages are dispatched in parallel: each waits for its database writes and the
     * broker's acks, and one after the other a consumer managed a few hundred a second. Messages are
     * keyed by shortCode, so nothing orders one message after another.
     */
    @KafkaListener(
            topics = "#{T(org.herald.events.topic.Topics).MESSAGES.name()}",
            groupId = GROUP,
            batch = "true",
            concurrency = "${herald.ingest.listener-concurrency:3}")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        dispatcherRecords.handle(
                records,
                record ->
                        dispatcher.dispatch(reader.read(Topics.MESSAGES, record).data()));
    }
}
