package org.herald.channel.webhook.delivery;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.events.topic.Topics;
import org.herald.transport.EventReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
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

    WebhookDeliveryListener(EventReader reader, WebhookDeliveryService service) {
        this.reader = reader;
        this.service = service;
    }

    @KafkaListener(
            topics = "#{T(org.herald.events.topic.Topics).DELIVERIES_WEBHOOK.name()}",
            groupId = "channel-webhook")
    public void on(ConsumerRecord<String, byte[]> record) {
        DeliveryRequested request =
                reader.read(Topics.DELIVERIES_WEBHOOK, record).data();
        DeliveryOutcome outcome = service.deliver(request, DeliveryAttempts.of(record));
        switch (outcome.kind()) {
            case RETRY_LATER -> throw new RetryLaterException(outcome.reason());
            case GAVE_UP -> throw new DeliveryGaveUpException(outcome.reason());
            default -> {}
        }
    }

    /** The last stop of a request on {@code herald.deliveries.webhook.dlt}. */
    public void onDeadLetter(ConsumerRecord<String, byte[]> record) {
        // Records forwarded from a retry topic carry kafka_exception-*, those sent straight from
        // the delivery topic kafka_dlt-exception-*.
        String cause = header(record, KafkaHeaders.EXCEPTION_CAUSE_FQCN, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
        String exception = header(record, KafkaHeaders.EXCEPTION_FQCN, KafkaHeaders.DLT_EXCEPTION_FQCN);
        String gaveUp = DeliveryGaveUpException.class.getName();
        if (gaveUp.equals(cause) || gaveUp.equals(exception)) {
            log.warn("delivery request at key {} dead-lettered after its last attempt", record.key());
            return;
        }
        String failure = cause != null ? cause : exception;
        String simpleName = failure == null ? "unknown" : failure.substring(failure.lastIndexOf('.') + 1);
        try {
            DeliveryRequested request =
                    reader.read(Topics.DELIVERIES_WEBHOOK, record).data();
            service.abandon(
                    request,
                    Math.max(1, DeliveryAttempts.of(record) - 1),
                    "delivery stopped by an internal error (" + simpleName + ")");
            log.error("delivery {} dead-lettered by an internal error ({})", request.deliveryId(), failure);
        } catch (RuntimeException e) {
            log.error(
                    "unreadable delivery request dead-lettered from {}-{}@{} ({}): {}",
                    header(record, KafkaHeaders.ORIGINAL_TOPIC, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                    record.partition(),
                    record.offset(),
                    simpleName,
                    e.getMessage());
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String... names) {
        for (String name : names) {
            Header header = record.headers().lastHeader(name);
            if (header != null && header.value() != null) {
                return new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
