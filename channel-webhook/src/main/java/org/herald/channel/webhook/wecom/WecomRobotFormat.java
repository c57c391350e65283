package org.herald.channel.webhook.wecom;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
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
 * WeCom group robot (企业微信群机器人, reference §1): txt as {@code text} (2048 bytes), markdown as
 * {@code markdown_v2}, every other template as {@code markdown} (4096 bytes). Longer content is cut
 * at a character boundary and ends with a link to the message page. Success is {@code errcode 0}.
 */
public final class WecomRobotFormat implements WebhookFormat, RateLimited {

    public static final String TYPE = "WECOM_ROBOT";
    static final int TEXT_MAX_BYTES = 2048;
    static final int MARKDOWN_MAX_BYTES = 4096;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final VendorAnswer ANSWER = new VendorAnswer(
            "WeCom",
            new String[] {"errcode"},
            Map.of(45009, Duration.ofSeconds(60)),
            Set.of(-1),
            Map.of(
                    93000, "invalid webhook url (the robot's key is unknown or the robot was removed)",
                    40058, "content too long or a parameter is invalid",
                    45009, "api freq out of limit (20 messages per minute per robot)",
                    -1, "system busy"));

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(String msgtype, Content text, Content markdown, Content markdown_v2) {}

    record Content(String content) {}

    @Override
    public Set<String> types() {
        return Set.of(TYPE);
    }

    @Override
    public WebhookRequest prepare(DeliveryRequested request, OpenedTarget target) {
        return WebhookRequest.post(
                target.address(),
                JSON.writeValueAsBytes(body(request)),
                "application/json",
                Map.of("Idempotency-Key", request.deliveryId()));
    }

    static Body body(DeliveryRequested request) {
        RenderedMessage rendered = RobotText.render(request);
        String title = RobotText.nonNull(request.title()).strip();
        String page = RobotText.nonNull(request.pageUrl());
        if (RobotText.plain(request)) {
            String text = RobotText.titled(title, rendered.plainText());
            return new Body("text", new Content(Utf8Cut.fit(text, TEXT_MAX_BYTES, "…\n完整消息: " + page)), null, null);
        }
        String heading = title.isEmpty() ? "" : "# " + title + "\n\n";
        Content content = new Content(
                Utf8Cut.fit(heading + rendered.markdown(), MARKDOWN_MAX_BYTES, "…\n\n[查看完整消息](" + page + ")"));
        if ("markdown".equalsIgnoreCase(request.template())) {
            return new Body("markdown_v2", null, null, content);
        }
        return new Body("markdown", null, content, null);
    }

    @Override
    public Verdict judge(OutboundResponse response) {
        return ANSWER.judge(response);
    }

    /** 20 messages per minute per robot, counted by its key. */
    @Override
    public Optional<RateLimit> rateLimit(OpenedTarget target) {
        String key = UrlQuery.parameter(target.address(), "key").orElse(target.address());
        return Optional.of(RateLimit.of(RateLimit.key("wecom", key), RateLimit.perMinute(20)));
    }
}
