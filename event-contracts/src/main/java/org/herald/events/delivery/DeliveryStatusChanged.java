package org.herald.events.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery moved to a new state. Every step emits one: queued by the dispatcher, then sending,
 * retrying, delivered, failed or expired by the channel. Keyed by messageId so one message's
 * changes are read in order.
 *
 * @param deliveryId the delivery
 * @param messageId the shortCode of its message
 * @param accountId the sending account
 * @param channel the delivering channel
 * @param state the new state
 * @param attempt the attempt number, 0 before the first
 * @param reason why, for retrying, failed and expired; null otherwise. Never carries a credential.
 * @param occurredAt when the change happened
 */
public record DeliveryStatusChanged(
        String deliveryId,
        String messageId,
        UUID accountId,
        String channel,
        DeliveryState state,
        int attempt,
        String reason,
        Instant occurredAt) {}
