package org.herald.channel.webhook.wxpusher;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
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
 * WxPusher ({@code POST https://wxpusher.zjiecode.com/api/send/message}, WxPusher's API; not in the
 * reference, see docs/channels/webhook.md). pushplus users configure
 * {@code …/api/send/message/?appToken=AT_…&uid=UID_…} (or {@code topicId=}); the token and the
 * recipients move from that query into the JSON body, as WxPusher's POST takes them. Content goes
 * as Markdown ({@code contentType} 3) with the title as its heading and as the summary; success
 * is {@code code} 1000 with {@code success} true, and at least one recipient accepted.
 */
public final class WxPusherFormat implements WebhookFormat {

    public static final String WXPUSHER = "WXPUSHER";

    /** WxPusher shows at most 20 characters of the summary (WxPusher docs, unverified). */
    static final int SUMMARY_MAX_CHARS = 20;

    /** WxPusher's content limit, in characters (WxPusher docs, unverified). */
    static final int CONTENT_MAX_CHARS = 40_000;

    static final int MARKDOWN = 3;
    static final int SUCCESS = 1000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @JsonPropertyOrder({"appToken", "content", "summary", "contentType", "uids", "topicIds", "url", "verifyPay"})
    record Message(
            String appToken,
            String content,
            String summary,
            int contentType,
            List<String> uids,
            List<Long> topicIds,
            String url,
            boolean verifyPay) {}

    @Override
    public Set<String> types() {
        return Set.of(WXPUSHER);
    }

    @Override
    public WebhookRequest prepare(DeliveryRequested request, OpenedTarget target) {
        HttpUrl configured = HttpUrl.parse(target.address());
        if (configured == null) {
            // Not a URL at all: sent as is, the outbound guard refuses it with a permanent verdict.
            return WebhookRequest.post(target.address(), new byte[0], "application/json", Map.of());
        }
        String title = NotificationText.orEmpty(request.title()).strip();
        String markdown = NotificationText.render(request).markdown();
        String content = title.isEmpty() ? markdown : "# " + title + "\n\n" + markdown;
        String summary = title.isEmpty() ? markdown.strip().lines().findFirst().orElse("") : title;
        Message message = new Message(
                NotificationText.orEmpty(configured.queryParameter("appToken")),
                NotificationText.cutChars(content, CONTENT_MAX_CHARS),
                NotificationText.cutChars(summary, SUMMARY_MAX_CHARS),
                MARKDOWN,
                values(configured, "uid", "uids"),
                numbers(values(configured, "topicId", "topicIds")),
                NotificationText.isBlank(request.pageUrl()) ? null : request.pageUrl(),
                false);
        return WebhookRequest.post(
                sendUrl(configured),
                JSON.writeValueAsBytes(message),
                "application/json",
                Map.of("Idempotency-Key", request.deliveryId()));
    }

    /** The configured URL without its query (the token must not travel in it) or trailing slash. */
    static String sendUrl(HttpUrl configured) {
        String url = configured.newBuilder().query(null).build().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Every value of the named query parameters, each split on commas and semicolons. */
    private static List<String> values(HttpUrl url, String... names) {
        List<String> values = new ArrayList<>();
        for (String name : names) {
            for (String value : url.queryParameterValues(name)) {
                if (value == null) {
                    continue;
                }
                for (String part : value.split("[,;]")) {
                    if (!part.isBlank()) {
                        values.add(part.strip());
                    }
                }
            }
        }
        return values;
    }

    private static List<Long> numbers(List<String> values) {
        List<Long> numbers = new ArrayList<>();
        for (String value : values) {
            try {
                numbers.add(Long.parseLong(value));
            } catch (NumberFormatException e) {
                // Not a topic id: WxPusher would refuse the whole request; skip it so the uids still get it.
            }
        }
        return numbers;
    }

    @Override
    public Verdict judge(OutboundResponse response) {
        JsonNode answer = NotificationAnswer.jsonObject(response);
        if (NotificationAnswer.transientStatus(response.status())) {
            return NotificationAnswer.byStatus(response, "WxPusher", null);
        }
        if (answer == null || !answer.path("code").isIntegralNumber()) {
            return response.successful()
                    ? Verdict.permanent("WxPusher answered without a code: " + NotificationAnswer.quoted(response))
                    : NotificationAnswer.byStatus(response, "WxPusher", NotificationAnswer.quoted(response));
        }
        int code = answer.path("code").asInt(-1);
        if (code != SUCCESS || !answer.path("success").asBoolean(false)) {
            return Verdict.permanent("WxPusher code " + code + ": " + text(answer.path("msg")));
        }
        // The request is accepted even when every recipient is refused; each has its own code.
        JsonNode recipients = answer.path("data");
        if (recipients.isArray() && !recipients.isEmpty()) {
            for (JsonNode recipient : recipients) {
                if (recipient.path("code").asInt(-1) == SUCCESS) {
                    return Verdict.delivered();
                }
            }
            JsonNode first = recipients.path(0);
            return Verdict.permanent("WxPusher accepted no recipient: code "
                    + first.path("code").asInt(-1) + ": " + text(first.path("status")));
        }
        return Verdict.delivered();
    }

    private static String text(JsonNode node) {
        return NotificationText.cutChars(node.asString(""), NotificationAnswer.QUOTED_CHARS);
    }
}
