package org.herald.channel.webhook.feishu;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.herald.channel.webhook.delivery.OpenedTarget;
import org.herald.channel.webhook.delivery.Verdict;
import org.herald.channel.webhook.delivery.WebhookFormat;
import org.herald.channel.webhook.delivery.WebhookRequest;
import org.herald.channel.webhook.ratelimit.RateLimit;
import org.herald.channel.webhook.ratelimit.RateLimited;
import org.herald.channel.webhook.robot.RobotText;
import org.herald.channel.webhook.robot.UrlQuery;
import org.herald.channel.webhook.robot.Utf8Cut;
import org.herald.channel.webhook.robot.VendorAnswer;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.outbound.OutboundResponse;
import org.herald.rendering.RenderedMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feishu and Lark custom bots (reference §3; the same API on two hosts): txt as {@code text},
 * markdown as an {@code interactive} card with a markdown element, every other template as a
 * {@code post} (rich text) ending with a link to the message page. With a secret, {@code timestamp}
 * (seconds) and {@code sign} are top-level fields of the body. Success is {@code code 0}.
 */
public final class FeishuBotFormat implements WebhookFormat, RateLimited {

    public static final String FEISHU = "FEISHU";
    public static final String LARK = "LARK";
    /** The body limit is 20 KB; the content gets this much, the JSON around it the rest. */
    static final int CONTENT_MAX_BYTES = 18_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final VendorAnswer ANSWER = new VendorAnswer(
            "Feishu",
            new String[] {"code", "StatusCode"},
            Map.of(11232, Duration.ofSeconds(60)),
            Set.of(),
            Map.of(
                    9499, "bad request (body shape, or body over 20 KB)",
                    19021, "sign match fail or timestamp is not within one hour from current time",
                    19022, "ip not allowed",
                    19024, "key words not found",
                    11232, "frequency limited",
                    19001, "the hook token is invalid"));

    private final Clock clock;

    public FeishuBotFormat(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Set<String> types() {
        return Set.of(FEISHU, LARK);
    }

    @Override
    public WebhookRequest prepare(DeliveryRequested request, OpenedTarget target) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (target.secret() != null && !target.secret().isBlank()) {
            long timestamp = clock.instant().getEpochSecond();
            body.put("timestamp", Long.toString(timestamp));
            body.put("sign", FeishuSigner.sign(target.secret(), timestamp));
        }
        body.putAll(message(request));
        return WebhookRequest.post(
                target.address(),
                JSON.writeValueAsBytes(body),
                "application/json",
                Map.of("Idempotency-Key", request.deliveryId()));
    }

    /** The message fields, without signature. */
    static Map<String, Object> message(DeliveryRequested request) {
        RenderedMessage rendered = RobotText.render(request);
        String title = RobotText.nonNull(request.title()).strip();
        String page = RobotText.nonNull(request.pageUrl());
        Map<String, Object> message = new LinkedHashMap<>();
        if (RobotText.plain(request)) {
            String text =
                    Utf8Cut.fit(RobotText.titled(title, rendered.plainText()), CONTENT_MAX_BYTES, "…\n完整消息: " + page);
            message.put("msg_type", "text");
            message.put("content", Map.of("text", text));
            return message;
        }
        if ("markdown".equalsIgnoreCase(request.template())) {
            String markdown = Utf8Cut.fit(rendered.markdown(), CONTENT_MAX_BYTES, "…\n\n[查看完整消息](" + page + ")");
            Map<String, Object> card = new LinkedHashMap<>();
            card.put("config", ordered("wide_screen_mode", true));
            if (!title.isEmpty()) {
                card.put("header", ordered("title", ordered("tag", "plain_text", "content", title)));
            }
            card.put("elements", List.of(ordered("tag", "markdown", "content", markdown)));
            message.put("msg_type", "interactive");
            message.put("card", card);
            return message;
        }
        String text = Utf8Cut.fit(rendered.plainText(), CONTENT_MAX_BYTES, "…");
        List<List<Map<String, Object>>> paragraphs = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            paragraphs.add(List.of(ordered("tag", "text", "text", line)));
        }
        paragraphs.add(List.of(linkTag(page)));
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("title", title);
        post.put("content", paragraphs);
        message.put("msg_type", "post");
        message.put("content", Map.of("post", Map.of("zh_cn", post)));
        return message;
    }

    private static Map<String, Object> linkTag(String page) {
        return ordered("tag", "a", "text", "查看完整消息", "href", page);
    }

    /** A JSON object in the order given (Map.of has none, and golden bodies need one). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Override
    public Verdict judge(OutboundResponse response) {
        return ANSWER.judge(response);
    }

    /** 5 per second and 100 per minute per bot, counted by its hook id. */
    @Override
    public Optional<RateLimit> rateLimit(OpenedTarget target) {
        String hook = UrlQuery.lastSegment(target.address());
        return Optional.of(
                RateLimit.of(RateLimit.key("feishu", hook), RateLimit.perSecond(5), RateLimit.perMinute(100)));
    }
}
