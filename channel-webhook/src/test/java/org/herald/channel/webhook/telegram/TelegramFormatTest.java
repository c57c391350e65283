package org.herald.channel.webhook.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.channel.webhook.notify.NotifyFixtures.PAGE_URL;
import static org.herald.channel.webhook.notify.NotifyFixtures.body;
import static org.herald.channel.webhook.notify.NotifyFixtures.rendered;
import static org.herald.channel.webhook.notify.NotifyFixtures.request;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import okhttp3.Headers;
import org.herald.channel.webhook.delivery.OpenedTarget;
import org.herald.channel.webhook.delivery.Verdict;
import org.herald.channel.webhook.delivery.WebhookRequest;
import org.herald.channel.webhook.notify.NotifyFixtures;
import org.herald.channel.webhook.ratelimit.RateLimit;
import org.herald.outbound.OutboundResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TelegramFormatTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BOT =
            "https://api.telegram.org/bot123456:ABCdefGHIjklMNOpqrSTUvwxYZ0123456789/sendMessage";

    private final TelegramFormat format = new TelegramFormat();

    @Test
    void shouldMoveTheChatIdIntoTheBodyAndSendPlainText() {
        WebhookRequest request =
                format.prepare(request("TELEGRAM", "磁盘告警", "95% *used*", "txt"), target(BOT + "?chat_id=-1001234"));

        assertThat(request.url()).isEqualTo(BOT);
        assertThat(body(request)).isEqualTo("{\"chat_id\":-1001234,\"text\":\"磁盘告警\\n95% *used*\"}");
        assertThat(request.headers()).containsKey("Idempotency-Key");
    }

    @Test
    void shouldKeepAChannelUsernameAsTextAndOtherParametersInTheUrl() {
        WebhookRequest request = format.prepare(
                request("TELEGRAM", "t", "c", "txt"), target(BOT + "?chat_id=@herald_news&message_thread_id=5"));

        assertThat(request.url()).isEqualTo(BOT + "?message_thread_id=5");
        assertThat(body(request)).isEqualTo("{\"chat_id\":\"@herald_news\",\"text\":\"t\\nc\"}");
    }

    @Test
    void shouldSendThePlainTextOfEveryTemplate() {
        for (String template : NotifyFixtures.TEMPLATES) {
            WebhookRequest request = format.prepare(
                    request("TELEGRAM", "t", NotifyFixtures.RICH_CONTENT, template), target(BOT + "?chat_id=1"));

            assertThat(JSON.readTree(request.body()).path("text").asString())
                    .as(template)
                    .isEqualTo("t\n"
                            + rendered(template, "t", NotifyFixtures.RICH_CONTENT)
                                    .plainText());
        }
    }

    @Test
    void shouldCutTo4096CharactersEndingWithThePageLink() {
        WebhookRequest request =
                format.prepare(request("TELEGRAM", "t", "x".repeat(5000), "txt"), target(BOT + "?chat_id=1"));

        String text = JSON.readTree(request.body()).path("text").asString();
        assertThat(text).hasSize(4096).endsWith("…\n" + PAGE_URL);
    }

    @Test
    void shouldReadOkAndErrorCodesFromTheBody() {
        assertThat(format.judge(answer(200, "{\"ok\":true,\"result\":{}}"))).isEqualTo(Verdict.delivered());
        assertThat(
                        format.judge(
                                answer(
                                        429,
                                        "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 34\",\"parameters\":{\"retry_after\":34}}")))
                .isEqualTo(Verdict.retryAfter(
                        "Telegram error_code 429: Too Many Requests: retry after 34", Duration.ofSeconds(34)));
        assertThat(
                        format.judge(
                                answer(
                                        403,
                                        "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}")))
                .isEqualTo(Verdict.permanent("Telegram error_code 403: Forbidden: bot was blocked by the user"));
        assertThat(format.judge(
                                answer(
                                        400,
                                        "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: group chat was upgraded to a supergroup chat\",\"parameters\":{\"migrate_to_chat_id\":-1009876}}"))
                        .reason())
                .endsWith("set chat_id=-1009876 in the webhook URL");
        assertThat(format.judge(answer(502, "Bad Gateway")).kind()).isEqualTo(Verdict.Kind.RETRY);
        assertThat(format.judge(answer(200, "not json")).kind()).isEqualTo(Verdict.Kind.PERMANENT);
    }

    @Test
    void shouldLimitAPrivateChatToOneASecondAndAGroupAlsoTo20AMinute() {
        RateLimit privateChat = format.rateLimit(target(BOT + "?chat_id=42")).orElseThrow();
        RateLimit group = format.rateLimit(target(BOT + "?chat_id=-10042")).orElseThrow();

        assertThat(privateChat.windows()).containsExactly(RateLimit.perSecond(1));
        assertThat(group.windows()).containsExactly(RateLimit.perSecond(1), RateLimit.perMinute(20));
        assertThat(privateChat.key()).startsWith("telegram:").doesNotContain("ABCdef");
        assertThat(privateChat.key())
                .isNotEqualTo(format.rateLimit(target(BOT + "?chat_id=43"))
                        .orElseThrow()
                        .key());
    }

    private static OpenedTarget target(String url) {
        return new OpenedTarget(url, null, Map.of());
    }

    private static OutboundResponse answer(int status, String body) {
        return new OutboundResponse(status, Headers.of(), body.getBytes(StandardCharsets.UTF_8));
    }
}
