package org.herald.channel.webhook.ratelimit;

import java.time.Duration;

/** Takes a send slot under a {@link RateLimit}, shared by every instance of the service. */
public interface RateLimiter {

    /**
     * Takes a slot now if every window has room.
     *
     * @param member unique per call (it is what the window counts)
     * @return zero when the slot was taken; otherwise how long until one could be, nothing taken
     */
    Duration tryAcquire(RateLimit limit, String member);

    /**
     * Moves a taken slot to now, once the call has been answered. The target counts a request when it
     * arrives, which can be well after the slot was taken (a slow connection); counting it from the
     * answer, which comes after the arrival, keeps the next slot from opening early.
     */
    default void settle(RateLimit limit, String member) {}
}
