package org.herald.channel.webhook.serverchan;

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
import org.herald.rendering.RenderedMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ServerChan (Server酱, Turbo {@code sctapi.ftqq.com/{key}.send} and SC3
 * {@code {uid}.push.ft07.com/send/{key}.send}): JSON {@code title} + Markdown {@code desp}, success
 * when the body's {@code code} is 0 (reference §4.1). The configured URL is posted to as is.
 */
public final class ServerChanFormat implements WebhookFormat {

    public static final String SERVERCHAN = "SERVERCHAN";

    /** ServerChan's title limit, in characters (reference §4.1, unverified). */
    static final int TITLE_MAX_CHARS = 32;

    /** ServerChan's {@code desp} limit: 32 KB (reference §4.1, unverified). */
    static final int DESP_MAX_BYTES = 32 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @JsonPropertyOrder({"title", "desp"})
    record Body(String title, String desp) {}

    @Override
    public Set<String> types() {
        return Set.of(SERVERCHAN);
    }

    @Override
    public WebhookRequest prepare(DeliveryRequested request, OpenedTarget target) {
        RenderedMessage rendered = NotificationText.render(request);
        Body body = new Body(
                NotificationText.cutChars(title(request.title(), rendered.plainText()), TITLE_MAX_CHARS),
                NotificationText.cutBytes(rendered.markdown(), DESP_MAX_BYTES));
        return WebhookRequest.post(
                target.address(),
                JSON.writeValueAsBytes(body),
                "application/json",
                Map.of("Idempotency-Key", request.deliveryId()));
    }

    /** ServerChan requires a title: without one, the first line of the text stands in. */
    private static String title(String title, String plainText) {
        if (!NotificationText.isBlank(title)) {
            return title.strip();
        }
        String firstLine = plainText.strip().lines().findFirst().orElse("");
        return firstLine.isBlank() ? "Herald" : firstLine.strip();
    }

    @Override
    public Verdict judge(OutboundResponse response) {
        JsonNode answer = NotificationAnswer.jsonObject(response);
        if (NotificationAnswer.transientStatus(response.status())) {
            return NotificationAnswer.byStatus(response, "ServerChan", null);
        }
        if (answer == null || !answer.path("code").isIntegralNumber()) {
            return response.successful()
                    ? Verdict.permanent("ServerChan answered without a code: " + NotificationAnswer.quoted(response))
                    : NotificationAnswer.byStatus(response, "ServerChan", NotificationAnswer.quoted(response));
        }
        int code = answer.path("code").asInt(-1);
        if (code == 0 && response.successful()) {
            return Verdict.delivered();
        }
        // ServerChan documents no error codes (reference §4.1): every non-zero code is permanent.
        return Verdict.permanent("ServerChan code " + code + ": "
                + NotificationText.cutChars(answer.path("message").asString(""), NotificationAnswer.QUOTED_CHARS));
    }
}
