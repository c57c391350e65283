package org.herald.callback.account;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.herald.callback.sending.CallbackSender;
import org.herald.events.topic.Topics;
import org.herald.transport.EventReader;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Turns {@code herald.account-events} into {@code add_topic_user} and {@code add_friend} callbacks. */
@Component
class AccountEventsListener {

    private final EventReader reader;
    private final CallbackSender sender;

    AccountEventsListener(EventReader reader, CallbackSender sender) {
        this.reader = reader;
        this.sender = sender;
    }

    @KafkaListener(topics = "#{T(org.herald.events.topic.Topics).ACCOUNT_EVENTS.name()}", groupId = "callback-service")
    void on(ConsumerRecord<String, byte[]> record) {
        sender.accept(AccountCallbacks.request(
                reader.read(Topics.ACCOUNT_EVENTS, record).data()));
    }
}
