package org.herald.channel.webhook.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.events.delivery.DeliveryState;
import org.herald.events.delivery.DeliveryStatusChanged;
import org.herald.events.topic.EventTypes;
import org.herald.events.topic.Topics;
import org.herald.transport.EventPublisher;
import org.herald.transport.PublishFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes status changes on {@code herald.delivery-status}. Outcomes are awaited, here or by the
 * listener's container ({@link StatusReporter#reportAsync}), so the request's offset is only committed
 * once its status is durable; steps on the way are not (see {@link StatusReporter#announce}).
 */
final class KafkaStatusReporter implements StatusReporter {

    private static final Logger log = LoggerFactory.getLogger(KafkaStatusReporter.class);

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
        publisher.publishAndWait(
                Topics.DELIVERY_STATUS,
                EventTypes.DELIVERY_STATUS_CHANGED,
                request.messageId(),
                eventId(request, state, attempt),
                change(request, state, attempt, reason),
                timeout);
    }

    @Override
    public CompletableFuture<Void> reportAsync(
            DeliveryRequested request, DeliveryState state, int attempt, String reason) {
        CompletableFuture<Void> durable = new CompletableFuture<>();
        publish(request, state, attempt, reason)
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((sent, failure) -> {
                    if (failure == null) {
                        durable.complete(null);
                    } else {
                        // The same failure report() throws, so the listener's retry rules apply alike.
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause()
                                : failure;
                        durable.completeExceptionally(new PublishFailedException(Topics.DELIVERY_STATUS.name(), cause));
                    }
                });
        return durable;
    }

    @Override
    public void announce(DeliveryRequested request, DeliveryState state, int attempt) {
        publish(request, state, attempt, null).whenComplete((sent, failure) -> {
            if (failure != null) {
                log.warn("status {} of delivery {} not published: {}", state, request.deliveryId(), failure.toString());
            }
        });
    }

    private CompletableFuture<RecordMetadata> publish(
            DeliveryRequested request, DeliveryState state, int attempt, String reason) {
        return publisher.publish(
                Topics.DELIVERY_STATUS,
                EventTypes.DELIVERY_STATUS_CHANGED,
                request.messageId(),
                eventId(request, state, attempt),
                change(request, state, attempt, reason));
    }

    /** Stable per step, so a consumer can drop the copy a redelivery produces. */
    private static String eventId(DeliveryRequested request, DeliveryState state, int attempt) {
        return request.deliveryId() + ":" + state + ":" + attempt;
    }

    private DeliveryStatusChanged change(DeliveryRequested request, DeliveryState state, int attempt, String reason) {
        return new DeliveryStatusChanged(
                request.deliveryId(),
                request.messageId(),
                request.accountId(),
                request.channel(),
                state,
                attempt,
                reason,
                clock.instant());
    }
}
