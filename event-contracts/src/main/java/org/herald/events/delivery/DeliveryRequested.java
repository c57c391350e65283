package org.herald.events.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * The dispatcher asks one channel to deliver one message to one recipient. Published to
 * {@code herald.deliveries.<channel>}, keyed by recipient so one recipient's deliveries stay in order.
 *
 * @param deliveryId stable id of this delivery; channels skip an id they already completed
 * @param messageId the shortCode of the message
 * @param accountId the sending account
 * @param channel the channel that must deliver
 * @param recipient who or what receives it
 * @param target where and how to deliver; credentials inside are sealed
 * @param title the title as the channel should show it
 * @param content the content as the channel should show it
 * @param template the template the content was written in
 * @param pageUrl the public link to the message page
 * @param deadline no attempt may start after this instant, or null
 * @param requestedAt when the dispatcher requested it
 */
public record DeliveryRequested(
        String deliveryId,
        String messageId,
        UUID accountId,
        String channel,
        Recipient recipient,
        DeliveryTarget target,
        String title,
        String content,
        String template,
        String pageUrl,
        Instant deadline,
        Instant requestedAt) {}
