package org.herald.channel.webhook.bark;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * Bark (api.day.app or a self-hosted bark-server, reference §4.3): a JSON POST to the configured
 * {@code https://host/{device_key}} (its query, e.g. {@code ?group=…&sound=…}, kept, so users set
 * Bark's options there), success when the body's {@code code} is 200.
 */
public final class BarkFormat implements WebhookFormat {

    public static final String BARK = "BARK";

    /**
     * The body is cut to this many UTF-8 bytes: the whole push must fit APNs' 4 KB payload, and
     * the title, link and Bark's own fields need the rest.
     */
    static final int BODY_MAX_BYTES = 3000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @JsonPropertyOrder({"title", "body", "url", "icon"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Push(String title, String body, String url, String icon) {}

    @Override
    public Set<String> types() {
        return Set.of(BARK);
    }

    @Override
    public WebhookRequest prepare(DeliveryRequested request, OpenedTarget target) {
        String body = NotificationText.cutBytes(NotificationText.render(request).plainText(), BODY_MAX_BYTES);
        Push push = new Push(
                NotificationText.isBlank(request.title()) ? null : request.title(),
                body,
                NotificationText.isBlank(request.pageUrl()) ? null : request.pageUrl(),
                blankToNull(target.attributes().get("icon")));
        return WebhookRequest.post(
                withoutTrailingSlash(target.address()),
                JSON.writeValueAsBytes(push),
                "application/json; charset=utf-8",
                Map.of("Idempotency-Key", request.deliveryId()));
    }

    /** {@code https://api.day.app/KEY/} as copied from the app: bark-server routes it without the slash. */
    static String withoutTrailingSlash(String address) {
        int query = address.indexOf('?');
        String path = query < 0 ? address : address.substring(0, query);
        String rest = query < 0 ? "" : address.substring(query);
        while (path.endsWith("/") && !path.endsWith("//")) {
            path = path.substring(0, path.length() - 1);
        }
        return path + rest;
    }

    @Override
    public Verdict judge(OutboundResponse response) {
        JsonNode answer = NotificationAnswer.jsonObject(response);
        if (NotificationAnswer.transientStatus(response.status())) {
            return NotificationAnswer.byStatus(response, "Bark", answer == null ? null : message(answer));
        }
        if (answer == null || !answer.path("code").isIntegralNumber()) {
            return response.successful()
                    ? Verdict.permanent("Bark answered without a code: " + NotificationAnswer.quoted(response))
                    : NotificationAnswer.byStatus(response, "Bark", NotificationAnswer.quoted(response));
        }
        int code = answer.path("code").asInt(-1);
        if (code == 200 && response.successful()) {
            return Verdict.delivered();
        }
        if (code >= 500) {
            // APNs trouble behind the Bark server (reference §4.3).
            return Verdict.retry("Bark code " + code + ": " + message(answer));
        }
        // 400: unknown or missing device key (reference §4.3).
        return Verdict.permanent("Bark code " + code + ": " + message(answer));
    }

    /**
     * Bark's message, with bracketed parts masked: bark-server names the device key there
     * ("failed to get [KEY] device token"), and the key is the secret part of the URL.
     */
    static String message(JsonNode answer) {
        String message = answer.path("message").asString("").replaceAll("\\[[^\\]]*]", "[…]");
        return NotificationText.cutChars(message, NotificationAnswer.QUOTED_CHARS);
    }

    private static String blankToNull(String value) {
        return NotificationText.isBlank(value) ? null : value;
    }
}
