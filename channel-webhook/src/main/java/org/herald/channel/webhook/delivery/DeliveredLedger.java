package org.herald.channel.webhook.delivery;

/** Remembers which deliveries reached their target, so a redelivered request is not posted twice. */
public interface DeliveredLedger {

    boolean isDelivered(String deliveryId);

    void markDelivered(String deliveryId);
}
