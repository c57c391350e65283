package org.herald.ingest.dispatch;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.herald.events.topic.Topics;
import org.herald.transport.EventReader;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class DispatcherListener {

    private final Dispatcher dispatcher;
    private final EventReader reader;

    DispatcherListener(Dispatcher dispatcher, EventReader reader) {
        this.dispatcher = dispatcher;
        this.reader = reader;
    }

    @KafkaListener(
            topics = "#{T(org.herald.events.topic.Topics).MESSAGES.name()}",
            groupId = "ingest-dispatcher",
            // Each record waits for the acks of what it publishes: several consumers keep the
            // partitions moving meanwhile (messages are keyed by shortCode, so order holds per message).
            concurrency = "${herald.ingest.listener-concurrency:3}")
    void on(ConsumerRecord<String, byte[]> record) {
        dispatcher.dispatch(reader.read(Topics.MESSAGES, record).data());
    }
}
