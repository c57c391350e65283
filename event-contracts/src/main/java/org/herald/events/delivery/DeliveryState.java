package org.herald.events.delivery;

/** The states of one delivery. DELIVERED, FAILED and EXPIRED are final. */
public enum DeliveryState {
    QUEUED,
    SENDING,
    RETRYING,
    DELIVERED,
    FAILED,
    EXPIRED;

    public boolean isFinal() {
        return this == DELIVERED || this == FAILED || this == EXPIRED;
    }
}
