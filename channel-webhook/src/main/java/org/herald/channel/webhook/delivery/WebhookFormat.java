package org.herald.channel.webhook.delivery;

import java.util.Set;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.outbound.OutboundResponse;

/**
 * One kind of webhook target (HiFlow, WeCom robot, DingTalk, ...): the body it takes and how its
 * answer reads. Each lives in its own feature package.
 */
public interface WebhookFormat {

    /** The {@code DeliveryTarget.type} values this format serves. */
    Set<String> types();

    /**
     * Builds the request for one attempt: the URL (signed where the target signs it), the body and
     * headers. Called again for every attempt, so timestamps and signatures are fresh.
     */
    WebhookRequest prepare(DeliveryRequested request, OpenedTarget target);

    Verdict judge(OutboundResponse response);
}
