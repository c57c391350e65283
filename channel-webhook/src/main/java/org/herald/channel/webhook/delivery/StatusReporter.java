package org.herald.channel.webhook.delivery;

import org.herald.events.delivery.DeliveryRequested;
import org.herald.events.delivery.DeliveryState;

/** Tells the rest of Herald where a delivery stands. */
public interface StatusReporter {

    /**
     * @param attempt the attempt the change belongs to
     * @param reason why, for RETRYING, FAILED and EXPIRED; never a credential
     */
    void report(DeliveryRequested request, DeliveryState state, int attempt, String reason);
}
