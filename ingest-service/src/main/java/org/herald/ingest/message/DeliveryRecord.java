package org.herald.ingest.message;

import java.time.Instant;
import org.herald.events.delivery.DeliveryState;

/**
 * One delivery of a message in the read model.
 *
 * @param recipient {@code kind:id}, e.g. {@code webhook:hiflow1}
 * @param reason why it failed, expired or is retrying; null otherwise
 */
public record DeliveryRecord(
        String deliveryId,
        String shortCode,
        String channel,
        String recipient,
        DeliveryState state,
        int attempt,
        String reason,
        Instant updatedAt) {

    public DeliveryRecord advancedTo(DeliveryState newState, int newAttempt, String newReason, Instant at) {
        return new DeliveryRecord(deliveryId, shortCode, channel, recipient, newState, newAttempt, newReason, at);
    }
}
