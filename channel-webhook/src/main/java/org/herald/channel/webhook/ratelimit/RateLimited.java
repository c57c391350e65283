package org.herald.channel.webhook.ratelimit;

import java.util.Optional;
import org.herald.channel.webhook.delivery.OpenedTarget;

/**
 * Implemented by a {@code WebhookFormat} whose target limits how often it may be called. Herald
 * keeps under the limit itself, so a burst is spread out instead of bouncing off the target.
 */
public interface RateLimited {

    /** The limit for this target, or empty when this one has none (e.g. no key in its URL). */
    Optional<RateLimit> rateLimit(OpenedTarget target);
}
