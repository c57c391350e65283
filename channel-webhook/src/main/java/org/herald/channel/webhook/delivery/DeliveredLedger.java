package org.herald.channel.webhook.delivery;

import java.util.concurrent.CompletableFuture;

/** Remembers which deliveries reached their target, so a redelivered request is not posted twice. */
public interface DeliveredLedger {

    boolean isDelivered(String deliveryId);

    /** Completes once the delivery is remembered; fails as the store does. */
    CompletableFuture<Void> markDelivered(String deliveryId);
}
