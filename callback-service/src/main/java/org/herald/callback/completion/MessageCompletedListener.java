package org.herald.callback.completion;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.herald.callback.sending.CallbackGaveUpException;
import org.herald.callback.sending.CallbackOutcome;
import org.herald.callback.sending.CallbackSender;
import org.herald.callback.sending.RetryLaterException;
import org.herald.events.message.MessageCompleted;
import org.herald.events.topic.Topics;
import org.herald.transport.EventReader;
import org.herald.transport.ReceivedEvent;
import org.herald.transport.retry.DeadLetter;
import org.herald.transport.retry.RetryAttempts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns {@code herald.messages.completed} into {@code message_complate} callbacks; its retry topics
 * and dead-letter topic are configured in {@link CompletionRetryConfiguration}.
 */
@Component(MessageCompletedListener.BEAN_NAME)
public class MessageCompletedListener {

    static final String BEAN_NAME = "messageCompletedListener";
    static final String DEAD_LETTER_METHOD = "onDeadLetter";

    private static final Logger log = LoggerFactory.getLogger(MessageCompletedListener.class);

    private final EventReader reader;
    private final CallbackSender sender;

    MessageCompletedListener(EventReader reader, CallbackSender sender) {
        this.reader = reader;
        this.sender = sender;
    }

    @KafkaListener(
            topics = "#{T(org.herald.events.topic.Topics).MESSAGES_COMPLETED.name()}",
            groupId = "callback-service")
    public void on(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent<MessageCompleted> event = reader.read(Topics.MESSAGES_COMPLETED, record);
        if (!wantsCallback(event.data())) {
            return;
        }
        CallbackOutcome outcome = sender.send(MessageComplate.request(event), RetryAttempts.of(record));
        switch (outcome.kind()) {
            case RETRY_LATER -> throw new RetryLaterException(outcome.reason());
            case GAVE_UP -> throw new CallbackGaveUpException(outcome.reason());
            default -> {}
        }
    }

    /** The last stop of a completion on {@code herald.messages.completed.dlt}. */
    public void onDeadLetter(ConsumerRecord<String, byte[]> record) {
        DeadLetter deadLetter = DeadLetter.of(record);
        if (deadLetter.causedBy(CallbackGaveUpException.class)) {
            log.warn("callback for completion at key {} dead-lettered after its last attempt", record.key());
            return;
        }
        String simpleName = deadLetter.failureName();
        try {
            ReceivedEvent<MessageCompleted> event = reader.read(Topics.MESSAGES_COMPLETED, record);
            if (wantsCallback(event.data())) {
                String eventId = MessageComplate.request(event).eventId();
                sender.abandon(eventId, "callback stopped by an internal error (" + simpleName + ")");
                log.error(
                        "callback for event {} dead-lettered by an internal error ({})",
                        eventId,
                        deadLetter.failureName());
            }
        } catch (RuntimeException e) {
            log.error(
                    "unreadable completion dead-lettered from {}-{}@{} ({}): {}",
                    deadLetter.originalTopic(),
                    record.partition(),
                    record.offset(),
                    simpleName,
                    e.getMessage());
        }
    }

    private static boolean wantsCallback(MessageCompleted completed) {
        return completed.callbackUrl() != null && !completed.callbackUrl().isBlank();
    }
}
