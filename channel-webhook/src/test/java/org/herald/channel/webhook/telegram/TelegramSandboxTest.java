package org.herald.channel.webhook.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.channel.webhook.notify.NotifyFixtures.attempt;
import static org.herald.channel.webhook.notify.NotifyFixtures.body;
import static org.herald.channel.webhook.notify.NotifyFixtures.lastReceived;
import static org.herald.channel.webhook.notify.NotifyFixtures.request;
import static org.herald.channel.webhook.notify.NotifyFixtures.sandbox;
import static org.herald.channel.webhook.notify.NotifyFixtures.unique;

import java.time.Duration;
import java.util.Map;
import org.herald.channel.webhook.delivery.OpenedTarget;
import org.herald.channel.webhook.delivery.Verdict;
import org.herald.channel.webhook.notify.NotifyFixtures;
import org.herald.channel.webhook.notify.NotifyFixtures.Attempt;
import org.junit.jupiter.api.Test;

/** Telegram over HTTP against the sandbox's fake. */
class TelegramSandboxTest {

    private static final String TOKEN = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ0123456789";

    private final TelegramFormat format = new TelegramFormat();

    @Test
    void shouldSendTheMessageToTheChat() {
        long chat = unique();
        Attempt attempt = attempt(format, request("TELEGRAM", "t", "c", "txt"), target(String.valueOf(chat)));

        assertThat(attempt.verdict()).isEqualTo(Verdict.delivered());
        assertThat(attempt.answer()).startsWith("{\"ok\":true,\"result\":{\"message_id\":");
        assertThat(lastReceived("telegram").path()).isEqualTo("/bot" + TOKEN + "/sendMessage");
        assertThat(lastReceived("telegram").body()).isEqualTo("{\"chat_id\":" + chat + ",\"text\":\"t\\nc\"}");
    }

    @Test
    void shouldDeliverEveryTemplateWithTheGoldenBody() {
        for (String template : NotifyFixtures.TEMPLATES) {
            Attempt attempt = attempt(
                    format,
                    request("TELEGRAM", "t", NotifyFixtures.RICH_CONTENT, template),
                    target(String.valueOf(unique())));

            assertThat(attempt.verdict()).as(template).isEqualTo(Verdict.delivered());
            assertThat(lastReceived("telegram").body()).as(template).isEqualTo(body(attempt.request()));
        }
    }

    @Test
    void shouldWaitExactlyTheRetryAfterTelegramGivesBeyondTheChatsRate() {
        String chat = "-" + unique();
        for (int i = 0; i < 20; i++) {
            assertThat(attempt(format, request("TELEGRAM", "t", "m" + i, "txt"), target(chat))
                            .verdict())
                    .isEqualTo(Verdict.delivered());
        }

        Attempt throttled = attempt(format, request("TELEGRAM", "t", "one too many", "txt"), target(chat));

        assertThat(throttled.verdict().kind()).isEqualTo(Verdict.Kind.RETRY);
        assertThat(throttled.verdict().retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(60));
        assertThat(throttled.verdict().reason()).contains("Too Many Requests: retry after");
    }

    @Test
    void shouldHonourAScriptedRetryAfter() {
        String chat = String.valueOf(unique());
        sandbox().behaviour().failNext("telegram", chat, 1, 429);

        Attempt attempt = attempt(format, request("TELEGRAM", "t", "c", "txt"), target(chat));

        assertThat(attempt.verdict())
                .isEqualTo(Verdict.retryAfter(
                        "Telegram error_code 429: Too Many Requests: retry after 1", Duration.ofSeconds(1)));
    }

    @Test
    void shouldFailPermanentlyWhenTheBotWasBlocked() {
        String chat = String.valueOf(unique());
        sandbox().behaviour().failNext("telegram", chat, 1, 403);

        Attempt attempt = attempt(format, request("TELEGRAM", "t", "c", "txt"), target(chat));

        assertThat(attempt.verdict())
                .isEqualTo(Verdict.permanent("Telegram error_code 403: Forbidden: bot was blocked by the user"));
    }

    @Test
    void shouldFailPermanentlyForAChatThatDoesNotExist() {
        Attempt attempt = attempt(format, request("TELEGRAM", "t", "c", "txt"), target("not-a-chat"));

        assertThat(attempt.verdict())
                .isEqualTo(Verdict.permanent("Telegram error_code 400: Bad Request: chat not found"));
    }

    @Test
    void shouldFailPermanentlyForAMalformedToken() {
        Attempt attempt = attempt(
                format,
                request("TELEGRAM", "t", "c", "txt"),
                new OpenedTarget(sandbox().baseUrl() + "/botnotatoken/sendMessage?chat_id=1", null, Map.of()));

        assertThat(attempt.verdict()).isEqualTo(Verdict.permanent("Telegram error_code 404: Not Found"));
    }

    @Test
    void shouldStayWithinTheTextLimitTheFakeEnforces() {
        String chat = String.valueOf(unique());
        Attempt cut = attempt(format, request("TELEGRAM", "t", "x".repeat(5000), "txt"), target(chat));
        Attempt tooLong = NotifyFixtures.send(
                format,
                NotifyFixtures.jsonPost(
                        "/bot" + TOKEN + "/sendMessage",
                        "{\"chat_id\":" + chat + ",\"text\":\"" + "x".repeat(4097) + "\"}"));

        assertThat(cut.verdict()).isEqualTo(Verdict.delivered());
        assertThat(tooLong.verdict())
                .isEqualTo(Verdict.permanent("Telegram error_code 400: Bad Request: message is too long"));
    }

    @Test
    void shouldRetryOn5xx() {
        String chat = String.valueOf(unique());
        sandbox().behaviour().failNext("telegram", chat, 1, 502);

        assertThat(attempt(format, request("TELEGRAM", "t", "c", "txt"), target(chat))
                        .verdict()
                        .kind())
                .isEqualTo(Verdict.Kind.RETRY);
    }

    private static OpenedTarget target(String chatId) {
        return new OpenedTarget(
                sandbox().baseUrl() + "/bot" + TOKEN + "/sendMessage?chat_id=" + chatId, null, Map.of());
    }
}
