package org.herald.channel.webhook.delivery;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.events.topic.Topics;
import org.herald.transport.EventReader;
import org.herald.transport.retry.DeadLetter;
import org.herald.transport.retry.RetryAttempts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads delivery requests from {@code herald.deliveries.webhook} and its retry topics; the retry
 * topics and the dead-letter topic are configured in {@link DeliveryRetryConfiguration}.
 */
@Component(WebhookDeliveryListener.BEAN_NAME)
public class WebhookDeliveryListener {

    static final String BEAN_NAME = "webhookDeliveryListener";
    static final String DEAD_LETTER_METHOD = "onDeadLetter";

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryListener.class);

    private final EventReader reader;
    private final WebhookDeliveryService service;
    private final DelayTopic delay;
    private final DeliveryLanes lanes;
    private final ObservationRegistry observations;

    WebhookDeliveryListener(
            EventReader reader,
            WebhookDeliveryService service,
            DelayTopic delay,
            DeliveryLanes lanes,
            ObservationRegistry observations) {
        this.reader = reader;
        this.service = service;
        this.delay = delay;
        this.lanes = lanes;
        this.observations = observations;
    }

    /**
     * A consumer per partition ({@code herald.webhook.concurrency}, decision 54): a slow target holds
     * up the next poll of its own partition only. The records of a poll are delivered on {@link
     * DeliveryLanes}, one recipient's in order and different recipients' side by side (decision 60),
     * and the per-host bulkhead keeps a slow host that many recipients share from taking every lane.
     */
    @KafkaListener(
            topics = "#{T(org.herald.events.topic.Topics).DELIVERIES_WEBHOOK.name()}",
            groupId = "channel-webhook",
            containerFactory = DeliveryConfiguration.ASYNC_ACK_CONTAINER_FACTORY,
            concurrency = "${herald.webhook.concurrency:12}")
    public CompletableFuture<Void> on(ConsumerRecord<String, byte[]> record) {
        // Read here, so an unreadable record fails at once and goes to the dead-letter topic.
        DeliveryRequested request =
                reader.read(Topics.DELIVERIES_WEBHOOK, record).data();
        int attempt = RetryAttempts.of(record);
        // The listener observation carries the trace of the record's traceparent header; the lane
        // thread works inside it, so the trace continues into the statuses published and the logs.
        Observation observation = Objects.requireNonNullElse(observations.getCurrentObservation(), Observation.NOOP);
        // A record without a key has no order to keep with others.
        String lane =
                record.key() != null ? record.key() : record.topic() + "-" + record.partition() + "@" + record.offset();
        return lanes.submit(lane, () -> observation.scoped(() -> deliver(record, request, attempt)));
    }

    private CompletableFuture<Void> deliver(
            ConsumerRecord<String, byte[]> record, DeliveryRequested request, int attempt) {
        DeliveryOutcome outcome = service.deliver(request, attempt);
        switch (outcome.kind()) {
            case RETRY_LATER -> throw new RetryLaterException(outcome.reason(), outcome.notBefore());
            case GAVE_UP -> throw new DeliveryGaveUpException(outcome.reason());
            case DEFERRED -> delay.park(record, outcome.notBefore());
            default -> {}
        }
        // The container acknowledges this record when the future completes and polls again once the
        // whole poll is acknowledged: the DELIVERED statuses of a poll travel to the broker together
        // instead of one awaited round trip each. A failed future (and what is thrown above) goes
        // through the same error handler as an exception thrown by the listener.
        return outcome.reported();
    }

    /**
     * The last stop of a request on {@code herald.deliveries.webhook.dlt}. It returns a future only
     * because its container acknowledges records when their future completes.
     */
    public CompletableFuture<Void> onDeadLetter(ConsumerRecord<String, byte[]> record) {
        handleDeadLetter(record);
        return CompletableFuture.completedFuture(null);
    }

    private void handleDeadLetter(ConsumerRecord<String, byte[]> record) {
        DeadLetter deadLetter = DeadLetter.of(record);
        if (deadLetter.causedBy(DeliveryGaveUpException.class)) {
            log.warn("delivery request at key {} dead-lettered after its last attempt", record.key());
            return;
        }
        String simpleName = deadLetter.failureName();
        try {
            DeliveryRequested request =
                    reader.read(Topics.DELIVERIES_WEBHOOK, record).data();
            service.abandon(
                    request,
                    Math.max(1, RetryAttempts.of(record) - 1),
                    "delivery stopped by an internal error (" + simpleName + ")");
            log.error(
                    "delivery {} dead-lettered by an internal error ({})",
                    request.deliveryId(),
                    deadLetter.failureName());
        } catch (RuntimeException e) {
            log.error(
                    "unreadable delivery request dead-lettered from {}-{}@{} ({}): {}",
                    deadLetter.originalTopic(),
                    record.partition(),
                    record.offset(),
                    simpleName,
                    e.getMessage());
        }
    }
}
