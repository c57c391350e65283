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

    /**
     * A step on the way (SENDING), published without waiting for it: the outcome reported after it is
     * awaited and travels behind it on the same partition, so the offset is still committed only once
     * both are durable, and a lost step is overtaken by the outcome anyway.
     */
    default void announce(DeliveryRequested request, DeliveryState state, int attempt) {
        report(request, state, attempt, null);
    }
}
