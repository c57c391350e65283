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

    WebhookRequest prepare(DeliveryRequested request);

    Verdict judge(OutboundResponse response);
}
