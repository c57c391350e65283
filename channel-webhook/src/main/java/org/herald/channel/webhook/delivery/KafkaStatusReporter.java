package org.herald.channel.webhook.delivery;

import java.time.Clock;
import java.time.Duration;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.events.delivery.DeliveryState;
import org.herald.events.delivery.DeliveryStatusChanged;
import org.herald.events.topic.EventTypes;
import org.herald.events.topic.Topics;
import org.herald.transport.EventPublisher;

/**
 * Publishes status changes on {@code herald.delivery-status} and waits for the ack, so the request's
 * offset is only committed once its status is durable.
 */
final class KafkaStatusReporter implements StatusReporter {

    private final EventPublisher publisher;
    private final Clock clock;
    private final Duration timeout;

    KafkaStatusReporter(EventPublisher publisher, Clock clock, Duration timeout) {
        this.publisher = publisher;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public void report(DeliveryRequested request, DeliveryState state, int attempt, String reason) {
        DeliveryStatusChanged change = new DeliveryStatusChanged(
                request.deliveryId(),
                request.messageId(),
                request.accountId(),
                request.channel(),
                state,
                attempt,
                reason,
                clock.instant());
        // Stable per step, so a consumer can drop the copy a redelivery produces.
        String eventId = request.deliveryId() + ":" + state + ":" + attempt;
        publisher.publishAndWait(
                Topics.DELIVERY_STATUS,
                EventTypes.DELIVERY_STATUS_CHANGED,
                request.messageId(),
                eventId,
                change,
                timeout);
    }
}
