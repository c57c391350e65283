package org.herald.callback.completion;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.herald.callback.endpoint.CallbackEndpoint;
import org.herald.callback.endpoint.EndpointStore;
import org.herald.callback.sending.CallbackRequest;
import org.herald.callback.sending.CallbackSender;
import org.herald.events.topic.Topics;
import org.herald.transport.EventReader;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns {@code herald.messages.completed} into {@code message_complate} callbacks. The offset is
 * committed once the callback is registered (and its first attempt made); later attempts come from
 * the database schedule.
 */
@Component
class MessageCompletedListener {

    private final EventReader reader;
    private final CallbackSender sender;
    private final EndpointStore endpoints;

    MessageCompletedListener(EventReader reader, CallbackSender sender, EndpointStore endpoints) {
        this.reader = reader;
        this.sender = sender;
        this.endpoints = endpoints;
    }

    @KafkaListener(
            topics = "#{T(org.herald.events.topic.Topics).MESSAGES_COMPLETED.name()}",
            groupId = "callback-service")
    void on(ConsumerRecord<String, byte[]> record) {
        CallbackRequest request = MessageComplate.request(reader.read(Topics.MESSAGES_COMPLETED, record));
        // Most messages ask for no callback at all: they leave no row behind.
        if (request.url() == null
                && endpoints
                        .find(request.accountId())
                        .map(CallbackEndpoint::url)
                        .isEmpty()) {
            return;
        }
        sender.accept(request);
    }
}
