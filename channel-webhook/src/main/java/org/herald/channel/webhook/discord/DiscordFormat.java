package org.herald.channel.webhook.discord;

import java.time.Duration;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Discord webhook ({@code POST https://discord.com/api/webhooks/{id}/{token}}, reference §4.5):
 * {@code content} is the bold title over the Markdown text (Discord renders Markdown), cut to 2000
 * characters; mentions are switched off so a message never pings {@code @everyone}. Success is
 * 204 (or 200 with {@code ?wait=true}). Rate limit: 5 requests per 2 s per webhook (reference §4.5,
 * unverified; Discord's {@code X-RateLimit-*} headers are the truth, a 429 is retried after its wait).
 */
public final class DiscordFormat implements WebhookFormat, RateLimited {

    public static final String DISCORD = "DISCORD";

    /** {@code content} ≤ 2000 characters (reference §4.5). */
    static final int CONTENT_MAX_CHARS = 2000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Set<String> types() {
        return Set.of(DISCORD);
    }

    @Override
    public WebhookRequest prepare(DeliveryRequested request, OpenedTarget target) {
        String title = NotificationText.isBlank(request.title())
                ? null
                : "**" + request.title().strip() + "**";
        String content = NotificationText.chatMessage(
                title, NotificationText.render(request).markdown(), request.pageUrl(), CONTENT_MAX_CHARS);
        ObjectNode body = JSON.createObjectNode();
        body.put("content", content.isEmpty() ? "-" : content);
        String icon = target.attributes().get("icon");
        if (!NotificationText.isBlank(icon)) {
            body.put("avatar_url", icon);
        }
        body.putObject("allowed_mentions").putArray("parse");
        return WebhookRequest.post(
                target.address(),
                JSON.writeValueAsBytes(body),
                "application/json",
                Map.of("Idempotency-Key", request.deliveryId()));
    }

    @Override
    public Optional<RateLimit> rateLimit(OpenedTarget target) {
        int query = target.address().indexOf('?');
        String webhook = query < 0 ? target.address() : target.address().substring(0, query);
        return Optional.of(RateLimit.of(
                RateLimit.key("discord", webhook), new RateLimit.Window(5, java.time.Duration.ofSeconds(2))));
    }

    @Override
    public Verdict judge(OutboundResponse response) {
        if (response.successful()) {
            return Verdict.delivered();
        }
        // {"message":"Unknown Webhook","code":10015} / {"message":"You are being rate limited.","retry_after":1.5}
        JsonNode answer = NotificationAnswer.jsonObject(response);
        String detail = answer == null
                ? NotificationAnswer.quoted(response)
                : NotificationText.cutChars(
                        answer.path("message").asString("")
                                + (answer.path("code").isIntegralNumber()
                                        ? " (" + answer.path("code").asInt(0) + ")"
                                        : ""),
                        NotificationAnswer.QUOTED_CHARS);
        Verdict verdict = NotificationAnswer.byStatus(response, "Discord", detail);
        if (response.status() == 429
                && answer != null
                && answer.path("retry_after").isNumber()) {
            Duration wait =
                    NotificationAnswer.seconds(answer.path("retry_after").asDouble(0));
            Duration header = verdict.retryAfter();
            // The longer of the two: the header is rounded, the body exact; either is the least wait.
            return Verdict.retryAfter(
                    verdict.reason(), header == null || (wait != null && wait.compareTo(header) > 0) ? wait : header);
        }
        return verdict;
    }
}
