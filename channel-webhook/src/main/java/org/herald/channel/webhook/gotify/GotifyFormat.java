package org.herald.channel.webhook.gotify;

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
import tools.jackson.databind.node.ObjectNode;

/**
 * Gotify ({@code POST https://{host}/message?token={appToken}}, Gotify's REST API; not in the
 * reference, see docs/channels/webhook.md): JSON {@code title} + Markdown {@code message}, shown as
 * Markdown and opening the message page on click through Gotify's {@code extras}. No
 * {@code priority} is sent, so the application's default priority applies. Success is HTTP 2xx
 * with the created message (its {@code id}) in the body.
 */
public final class GotifyFormat implements WebhookFormat {

    public static final String GOTIFY = "GOTIFY";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Set<String> types() {
        return Set.of(GOTIFY);
    }

    @Override
    public WebhookRequest prepare(DeliveryRequested request, OpenedTarget target) {
        String title = NotificationText.orEmpty(request.title());
        String markdown = NotificationText.render(request).markdown();
        ObjectNode body = JSON.createObjectNode();
        if (!title.isBlank()) {
            body.put("title", title);
        }
        // Gotify refuses a message without text; an empty content shows the title instead.
        body.put("message", markdown.isBlank() ? (title.isBlank() ? "-" : title) : markdown);
        ObjectNode extras = body.putObject("extras");
        extras.putObject("client::display").put("contentType", "text/markdown");
        if (!NotificationText.isBlank(request.pageUrl())) {
            extras.putObject("client::notification").putObject("click").put("url", request.pageUrl());
        }
        return WebhookRequest.post(
                target.address(),
                JSON.writeValueAsBytes(body),
                "application/json",
                Map.of("Idempotency-Key", request.deliveryId()));
    }

    @Override
    public Verdict judge(OutboundResponse response) {
        JsonNode answer = NotificationAnswer.jsonObject(response);
        if (response.successful()) {
            // A proxy's login page also answers 200: only the created message counts.
            return answer != null && answer.path("id").isIntegralNumber()
                    ? Verdict.delivered()
                    : Verdict.permanent("Gotify answered without a message id: " + NotificationAnswer.quoted(response));
        }
        // {"error":"Unauthorized","errorCode":401,"errorDescription":"you need to provide a valid access token…"}
        String detail = answer == null
                ? NotificationAnswer.quoted(response)
                : NotificationText.cutChars(
                        answer.path("errorDescription").asString(""), NotificationAnswer.QUOTED_CHARS);
        return NotificationAnswer.byStatus(response, "Gotify", detail);
    }
}
