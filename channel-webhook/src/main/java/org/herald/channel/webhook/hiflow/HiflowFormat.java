package org.herald.channel.webhook.hiflow;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.Set;
import org.herald.channel.webhook.delivery.OpenedTarget;
import org.herald.channel.webhook.delivery.Verdict;
import org.herald.channel.webhook.delivery.WebhookFormat;
import org.herald.channel.webhook.delivery.WebhookRequest;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.outbound.OutboundResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * HiFlow (腾讯云 HiFlow) and 集简云 webhooks: the five fields pushplus sends them as a JSON object,
 * success by HTTP 2xx (reference §4.7), the delivery id as {@code Idempotency-Key}.
 */
public final class HiflowFormat implements WebhookFormat {

    public static final String HIFLOW = "HIFLOW";
    public static final String JIJYUN = "JIJYUN";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The body, in pushplus's field order; absent values are empty strings, as flows expect text. */
    @JsonPropertyOrder({"title", "content", "icon", "url", "shortCode"})
    record Body(String title, String content, String icon, String url, String shortCode) {}

    @Override
    public Set<String> types() {
        return Set.of(HIFLOW, JIJYUN);
    }

    @Override
    public WebhookRequest prepare(DeliveryRequested request, OpenedTarget target) {
        Body body = new Body(
                text(request.title()),
                text(request.content()),
                text(request.target().attributes().get("icon")),
                text(request.pageUrl()),
                text(request.messageId()));
        return WebhookRequest.post(
                target.address(),
                JSON.writeValueAsBytes(body),
                "application/json",
                Map.of("Idempotency-Key", request.deliveryId()));
    }

    @Override
    public Verdict judge(OutboundResponse response) {
        return Verdict.byHttpStatus(response.status());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
