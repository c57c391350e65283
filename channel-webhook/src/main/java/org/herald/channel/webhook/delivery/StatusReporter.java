package org.herald.channel.webhook.delivery;

import java.util.concurrent.CompletableFuture;
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
     * An outcome whose wait the caller takes over: the returned future completes once the change is
     * durable, or fails as {@link #report} would have thrown. The listener hands it to its container,
     * which commits the request's offset only then, so consecutive requests no longer wait one after
     * another for the broker.
     */
    default CompletableFuture<Void> reportAsync(
            DeliveryRequested request, DeliveryState state, int attempt, String reason) {
        report(request, state, attempt, reason);
        return CompletableFuture.completedFuture(null);
    }

    /**
     * A step on the way (SENDING), published without waiting for it: the outcome reported after it is
     * awaited and travels behind it on the same partition, so the offset is still committed only once
     * both are durable, and a lost step is overtaken by the outcome anyway.
     */
    default void announce(DeliveryRequested request, DeliveryState state, int attempt) {
        report(request, state, attempt, null);
    }
}
