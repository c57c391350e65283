package org.herald.channel.webhook.slack;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.herald.channel.webhook.delivery.OpenedTarget;
import org.herald.channel.webhook.delivery.Verdict;
import org.herald.channel.webhook.delivery.WebhookFormat;
import org.herald.channel.webhook.delivery.WebhookRequest;
import org.herald.channel.webhook.notify.NotificationAnswer;
import org.herald.channel.webhook.notify.NotificationText;
import org.herald.channel.webhook.ratelimit.RateLimit;
import org.herald.channel.webhook.ratelimit.RateLimited;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.outbound.OutboundResponse;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Slack incoming webhook ({@code POST https://hooks.slack.com/services/T…/B…/…}, reference §4.6):
 * {@code {"text": …}} with the title in bold and the plain text below, {@code & < >} escaped as
 * Slack requires. Success is HTTP 200 with the plain-text body {@code ok}; error bodies are plain
 * text too ({@code no_team}, {@code channel_is_archived}, …). Rate limit: about one message a
 * second per webhook with short bursts (reference §4.6), kept as 5 in any 5 s.
 */
public final class SlackFormat implements WebhookFormat, RateLimited {

    public static final String SLACK = "SLACK";

    /** Slack truncates longer texts; Herald cuts first so the page link survives. */
    static final int TEXT_MAX_CHARS = 40_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Set<String> types() {
        return Set.of(SLACK);
    }

    @Override
    public WebhookRequest prepare(DeliveryRequested request, OpenedTarget target) {
        String title = NotificationText.isBlank(request.title())
                ? null
                : "*" + escape(request.title().strip()) + "*";
        String text = NotificationText.chatMessage(
                title, escape(NotificationText.render(request).plainText()), request.pageUrl(), TEXT_MAX_CHARS);
        ObjectNode body = JSON.createObjectNode();
        body.put("text", text.isEmpty() ? "-" : text);
        return WebhookRequest.post(
                target.address(),
                JSON.writeValueAsBytes(body),
                "application/json",
                Map.of("Idempotency-Key", request.deliveryId()));
    }

    /** Slack's three control characters in message text. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public Optional<RateLimit> rateLimit(OpenedTarget target) {
        return Optional.of(RateLimit.of(
                RateLimit.key("slack", target.address()), new RateLimit.Window(5, java.time.Duration.ofSeconds(5))));
    }

    @Override
    public Verdict judge(OutboundResponse response) {
        String answer = NotificationAnswer.quoted(response);
        if (response.status() == 200) {
            return "ok".equals(answer)
                    ? Verdict.delivered()
                    : Verdict.permanent("Slack answered 200 without ok: " + answer);
        }
        // 400/403/404/410 are permanent (404 no_team, 410 channel_is_archived), 429 and 5xx retry.
        return NotificationAnswer.byStatus(response, "Slack", answer);
    }
}
