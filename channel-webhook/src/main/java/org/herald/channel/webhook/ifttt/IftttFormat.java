package org.herald.channel.webhook.ifttt;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.Set;
import org.herald.channel.webhook.delivery.OpenedTarget;
import org.herald.channel.webhook.delivery.Verdict;
import org.herald.channel.webhook.delivery.WebhookFormat;
import org.herald.channel.webhook.delivery.WebhookRequest;
import org.herald.channel.webhook.notify.NotificationAnswer;
import org.herald.channel.webhook.notify.NotificationText;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.outbound.OutboundResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * IFTTT Maker Webhooks (reference §4.2). The classic trigger
 * {@code /trigger/{event}/with/key/{key}} takes exactly three ingredients, which pushplus fills as
 * {@code value1} title, {@code value2} content, {@code value3} page link. The JSON trigger
 * {@code /trigger/{event}/json/with/key/{key}} takes any object: it gets the HiFlow-style fields.
 * Success is HTTP 2xx (IFTTT answers a plain-text "Congratulations!").
 */
public final class IftttFormat implements WebhookFormat {

    public static final String IFTTT = "IFTTT";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @JsonPropertyOrder({"value1", "value2", "value3"})
    record Ingredients(String value1, String value2, String value3) {}

    @JsonPropertyOrder({"title", "content", "url", "shortCode"})
    record Payload(String title, String content, String url, String shortCode) {}

    @Override
    public Set<String> types() {
        return Set.of(IFTTT);
    }

    @Override
    public WebhookRequest prepare(DeliveryRequested request, OpenedTarget target) {
        String title = NotificationText.orEmpty(request.title());
        String content = NotificationText.render(request).plainText();
        String url = NotificationText.orEmpty(request.pageUrl());
        Object body = isJsonTrigger(target.address())
                ? new Payload(title, content, url, NotificationText.orEmpty(request.messageId()))
                : new Ingredients(title, content, url);
        return WebhookRequest.post(
                target.address(),
                JSON.writeValueAsBytes(body),
                "application/json",
                Map.of("Idempotency-Key", request.deliveryId()));
    }

    static boolean isJsonTrigger(String address) {
        int query = address.indexOf('?');
        String path = query < 0 ? address : address.substring(0, query);
        return path.contains("/json/with/key/");
    }

    @Override
    public Verdict judge(OutboundResponse response) {
        if (response.successful()) {
            return Verdict.delivered();
        }
        // 401 {"errors":[{"message":"You sent an invalid key."}]}: the message says which setting is wrong.
        JsonNode answer = NotificationAnswer.jsonObject(response);
        String detail = answer == null
                ? null
                : NotificationText.cutChars(
                        answer.path("errors").path(0).path("message").asString(""), NotificationAnswer.QUOTED_CHARS);
        return NotificationAnswer.byStatus(response, "IFTTT", detail);
    }
}
