package org.herald.channel.webhook.telegram;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
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
 * Telegram Bot API {@code sendMessage} (reference §4.4). The configured URL is
 * {@code https://api.telegram.org/bot<token>/sendMessage?chat_id=<id>}: the chat id moves into the
 * JSON body, other query parameters (e.g. {@code message_thread_id}) stay. The text is plain (no
 * {@code parse_mode}: Markdown would make any unbalanced {@code _} or {@code *} in a user's content
 * fail with "can't parse entities"). Success is {@code ok} true in the body.
 *
 * <p>Rate limit, per bot and chat (reference §4.4, Bot FAQ figures): one message a second; a group
 * or channel (negative id or {@code @name}) also 20 a minute.
 */
public final class TelegramFormat implements WebhookFormat, RateLimited {

    public static final String TELEGRAM = "TELEGRAM";

    /** {@code text} takes 1–4096 characters (reference §4.4). */
    static final int TEXT_MAX_CHARS = 4096;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Set<String> types() {
        return Set.of(TELEGRAM);
    }

    @Override
    public WebhookRequest prepare(DeliveryRequested request, OpenedTarget target) {
        String text = NotificationText.chatMessage(
                request.title(), NotificationText.render(request).plainText(), request.pageUrl(), TEXT_MAX_CHARS);
        ObjectNode body = JSON.createObjectNode();
        String url = target.address();
        HttpUrl configured = HttpUrl.parse(target.address());
        if (configured != null && configured.queryParameter("chat_id") != null) {
            String chatId = configured.queryParameter("chat_id").strip();
            if (chatId.matches("-?\\d{1,19}")) {
                body.put("chat_id", Long.parseLong(chatId));
            } else {
                body.put("chat_id", chatId);
            }
            url = configured
                    .newBuilder()
                    .removeAllQueryParameters("chat_id")
                    .build()
                    .toString();
        }
        body.put("text", text.isEmpty() ? "-" : text);
        return WebhookRequest.post(
                url, JSON.writeValueAsBytes(body), "application/json", Map.of("Idempotency-Key", request.deliveryId()));
    }

    @Override
    public Optional<RateLimit> rateLimit(OpenedTarget target) {
        HttpUrl configured = HttpUrl.parse(target.address());
        if (configured == null) {
            return Optional.empty();
        }
        String chatId =
                NotificationText.orEmpty(configured.queryParameter("chat_id")).strip();
        // The key counts the bot (its token, hashed) and the chat together.
        String key = RateLimit.key("telegram", configured.encodedPath() + "?" + chatId);
        boolean privateChat = chatId.matches("\\d{1,19}");
        return Optional.of(
                privateChat
                        ? RateLimit.of(key, RateLimit.perSecond(1))
                        : RateLimit.of(key, RateLimit.perSecond(1), RateLimit.perMinute(20)));
    }

    @Override
    public Verdict judge(OutboundResponse response) {
        JsonNode answer = NotificationAnswer.jsonObject(response);
        if (answer == null || !answer.path("ok").isBoolean()) {
            Verdict byStatus = NotificationAnswer.byStatus(response, "Telegram", NotificationAnswer.quoted(response));
            return byStatus.kind() == Verdict.Kind.DELIVERED
                    ? Verdict.permanent("Telegram answered without ok: " + NotificationAnswer.quoted(response))
                    : byStatus;
        }
        if (answer.path("ok").asBoolean(false)) {
            return Verdict.delivered();
        }
        int code = answer.path("error_code").asInt(response.status());
        String reason = "Telegram error_code " + code + ": "
                + NotificationText.cutChars(answer.path("description").asString(""), NotificationAnswer.QUOTED_CHARS);
        JsonNode parameters = answer.path("parameters");
        if (code == 429) {
            // "retry after N": exactly N seconds (reference §4.4).
            Duration wait = parameters.path("retry_after").isNumber()
                    ? NotificationAnswer.seconds(parameters.path("retry_after").asDouble(0))
                    : NotificationAnswer.retryAfterHeader(response);
            return wait == null ? Verdict.retry(reason) : Verdict.retryAfter(reason, wait);
        }
        if (parameters.has("migrate_to_chat_id")) {
            // The group became a supergroup: only the user can change the configured chat id.
            return Verdict.permanent(reason + "; the group moved, set chat_id="
                    + parameters.path("migrate_to_chat_id").asString("") + " in the webhook URL");
        }
        if (code >= 500 || code == 408) {
            return Verdict.retry(reason);
        }
        // 400 chat not found / can't parse entities / too long, 401 token revoked, 403 bot blocked.
        return Verdict.permanent(reason);
    }
}
