package org.herald.ingest.dispatch;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.herald.events.topic.Topics;
import org.herald.transport.EventReader;
import org.herald.transport.PollRecords;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class DispatcherListener {

    static final String GROUP = "ingest-dispatcher";

    private final Dispatcher dispatcher;
    private final EventReader reader;
    private final PollRecords dispatcherRecords;

    DispatcherListener(Dispatcher dispatcher, EventReader reader, PollRecords dispatcherRecords) {
        this.dispatcher = dispatcher;
        this.reader = reader;
        this.dispatcherRecords = dispatcherRecords;
    }

    /**
     * A poll's messages are dispatched together, with set-based statements and the broker's acks
     * awaited for the whole poll; each message's events are published in the trace of its event
     * (messages are keyed by shortCode).
     */
    @KafkaListener(
            topics = "#{T(org.herald.events.topic.Topics).MESSAGES.name()}",
            groupId = GROUP,
            batch = "true",
            concurrency = "${herald.ingest.listener-concurrency:3}")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        dispatcherRecords.handle(
                records, record -> reader.read(Topics.MESSAGES, record).data(), dispatcher::dispatchAll);
    }
}
