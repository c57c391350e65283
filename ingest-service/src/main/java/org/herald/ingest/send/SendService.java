package org.herald.ingest.send;

import java.time.Clock;
import java.time.Duration;
import org.herald.events.message.MessageAccepted;
import org.herald.events.topic.EventTypes;
import org.herald.events.topic.Topics;
import org.herald.ingest.account.Credentials;
import org.herald.ingest.api.PushplusException;
import org.herald.transport.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts a send request: validates it, then makes it durable on {@code herald.messages}. Only the
 * broker's ack makes it accepted, so the shortCode is answered after the ack and a request the
 * broker did not take is answered "busy" with nothing left behind. No database write sits on this
 * path: the dispatcher builds the read model from the event.
 */
public final class SendService {

    private static final Logger log = LoggerFactory.getLogger(SendService.class);

    private final SendValidator validator;
    private final SendRules rules;
    private final SendLimits limits;
    private final EventPublisher publisher;
    private final Duration publishTimeout;
    private final Clock clock;

    public SendService(
            SendValidator validator,
            SendRules rules,
            SendLimits limits,
            EventPublisher publisher,
            Duration publishTimeout,
            Clock clock) {
        this.validator = validator;
        this.rules = rules;
        this.limits = limits;
        this.publisher = publisher;
        this.publishTimeout = publishTimeout;
        this.clock = clock;
    }

    /** An accepted message: its shortCode and the channel it goes to (the account's default if none was named). */
    public record Accepted(String shortCode, String channel) {}

    /** @return the shortCode of the accepted message */
    public String send(SendParameters parameters) {
        return accept(parameters).shortCode();
    }

    /**
     * Validates, takes the message's slots of the account's limits, and publishes.
     *
     * @throws PushplusException when refused (nothing published, no limit slot kept)
     */
    public Accepted accept(SendParameters parameters) {
        ValidSend send = validator.validate(parameters);
        rules.check(parameters, send);
        SendLimits.Reservation reservation = limits.reserve(send);
        String shortCode = Credentials.randomHex(16);
        MessageAccepted accepted = new MessageAccepted(
                shortCode,
                send.account().id(),
                send.channel(),
                send.template(),
                send.title(),
                send.content(),
                send.option(),
                send.topic(),
                send.to(),
                send.callbackUrl(),
                send.deadline(),
                clock.instant());
        try {
            publisher.publishAndWait(
                    Topics.MESSAGES, EventTypes.MESSAGE_ACCEPTED, shortCode, shortCode, accepted, publishTimeout);
        } catch (RuntimeException e) {
            // PublishFailedException, or a KafkaException the producer throws before it even queues the record.
            limits.release(reservation);
            log.warn(
                    "message {} of account {} not acknowledged by Kafka: {}",
                    shortCode,
                    send.account().id(),
                    e.toString());
            throw PushplusException.busy();
        }
        log.info(
                "message {} accepted: account {}, channel {}",
                shortCode,
                send.account().id(),
                send.channel());
        return new Accepted(shortCode, send.channel());
    }
}
