package org.herald.channel.webhook.dingtalk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
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
 * DingTalk custom robot (钉钉自定义机器人, reference §2): txt as {@code text}, every other template as
 * {@code markdown}; signed with {@code timestamp} and {@code sign} in the query when the target has a
 * secret; the optional {@code keyword} attribute is put in front of the title when the message does
 * not already contain it, so a robot guarded by a keyword (pushplus asks for {@code pushplus}) takes
 * it. Success is {@code errcode 0}.
 */
public final class DingtalkRobotFormat implements WebhookFormat, RateLimited {

    public static final String TYPE = "DINGTALK";
    /** The request body limit is 20000 bytes; the content gets this much, the JSON around it the rest. */
    static final int CONTENT_MAX_BYTES = 19_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final VendorAnswer ANSWER = new VendorAnswer(
            "DingTalk",
            new String[] {"errcode"},
            Map.of(130101, Duration.ofSeconds(60), 410100, Duration.ofSeconds(60)),
            Set.of(-1),
            Map.of(
                    130101, "send too fast (20 messages per minute per robot)",
                    300005, "token is not exist (the robot's access_token is wrong or removed)",
                    400102, "the robot is stopped",
                    -1, "system busy"));

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(String msgtype, Text text, Markdown markdown) {}

    record Text(String content) {}

    record Markdown(String title, String text) {}

    private final Clock clock;

    public DingtalkRobotFormat(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Set<String> types() {
        return Set.of(TYPE);
    }

    @Override
    public WebhookRequest prepare(DeliveryRequested request, OpenedTarget target) {
        String url = target.address();
        if (target.secret() != null && !target.secret().isBlank()) {
            long timestamp = clock.millis();
            url = UrlQuery.append(url, "timestamp", Long.toString(timestamp));
            url = UrlQuery.append(url, "sign", DingtalkSigner.queryValue(target.secret(), timestamp));
        }
        return WebhookRequest.post(
                url,
                JSON.writeValueAsBytes(body(request, target.attributes().get("keyword"))),
                "application/json;charset=utf-8",
                Map.of("Idempotency-Key", request.deliveryId()));
    }

    static Body body(DeliveryRequested request, String keyword) {
        RenderedMessage rendered = RobotText.render(request);
        String title = RobotText.nonNull(request.title()).strip();
        String page = RobotText.nonNull(request.pageUrl());
        boolean plain = RobotText.plain(request);
        String content = plain ? rendered.plainText() : rendered.markdown();
        if (keyword != null && !keyword.isBlank() && !title.contains(keyword) && !content.contains(keyword)) {
            title = title.isEmpty() ? "【" + keyword.strip() + "】" : "【" + keyword.strip() + "】" + title;
        }
        if (plain) {
            String text = RobotText.titled(title, content);
            return new Body("text", new Text(Utf8Cut.fit(text, CONTENT_MAX_BYTES, "…\n完整消息: " + page)), null);
        }
        String heading = title.isEmpty() ? "" : "### " + title + "\n\n";
        String text = Utf8Cut.fit(heading + content, CONTENT_MAX_BYTES, "…\n\n[查看完整消息](" + page + ")");
        // The notification preview shows the title; DingTalk requires one.
        String shown = title.isEmpty() ? Utf8Cut.fit(rendered.plainText().strip(), 60, "…") : title;
        return new Body("markdown", null, new Markdown(shown.isEmpty() ? "消息" : shown, text));
    }

    @Override
    public Verdict judge(OutboundResponse response) {
        return ANSWER.judge(response);
    }

    /** 20 messages per minute per robot, counted by its access token. */
    @Override
    public Optional<RateLimit> rateLimit(OpenedTarget target) {
        String token = UrlQuery.parameter(target.address(), "access_token").orElse(target.address());
        return Optional.of(RateLimit.of(RateLimit.key("dingtalk", token), RateLimit.perMinute(20)));
    }
}
