package org.herald.channel.webhook.discord;

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

/** Discord over HTTP against the sandbox's fake. */
class DiscordSandboxTest {

    private static final String TOKEN = "a".repeat(68);

    private final DiscordFormat format = new DiscordFormat();

    @Test
    void shouldExecuteTheWebhookAndGet204() {
        String id = id();
        Attempt attempt = attempt(format, request("DISCORD", "t", "c", "markdown"), target(id, ""));

        assertThat(attempt.response().status()).isEqualTo(204);
        assertThat(attempt.verdict()).isEqualTo(Verdict.delivered());
        assertThat(lastReceived("discord").path()).isEqualTo("/api/webhooks/" + id + "/" + TOKEN);
    }

    @Test
    void shouldCountTheMessageOfAWaitRequestAsDelivered() {
        Attempt attempt = attempt(format, request("DISCORD", "t", "c", "txt"), target(id(), "?wait=true"));

        assertThat(attempt.response().status()).isEqualTo(200);
        assertThat(attempt.answer()).contains("\"content\":\"**t**\\nc\"");
        assertThat(attempt.verdict()).isEqualTo(Verdict.delivered());
    }

    @Test
    void shouldDeliverEveryTemplateWithTheGoldenBody() {
        for (String template : NotifyFixtures.TEMPLATES) {
            Attempt attempt =
                    attempt(format, request("DISCORD", "t", NotifyFixtures.RICH_CONTENT, template), target(id(), ""));

            assertThat(attempt.verdict()).as(template).isEqualTo(Verdict.delivered());
            assertThat(lastReceived("discord").body()).as(template).isEqualTo(body(attempt.request()));
        }
    }

    @Test
    void shouldRetryAfterDiscordsWaitBeyondFiveRequestsInTwoSeconds() {
        String id = id();
        Attempt last = null;
        for (int i = 0; i < 6; i++) {
            last = attempt(format, request("DISCORD", "t", "m" + i, "txt"), target(id, ""));
        }

        assertThat(last.response().status()).isEqualTo(429);
        assertThat(last.verdict().kind()).isEqualTo(Verdict.Kind.RETRY);
        assertThat(last.verdict().retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shouldFailPermanentlyForAnUnknownWebhookOrABadToken() {
        Attempt unknown = attempt(
                format,
                request("DISCORD", "t", "c", "txt"),
                new OpenedTarget(sandbox().baseUrl() + "/api/webhooks/nope/" + TOKEN, null, Map.of()));
        Attempt badToken = attempt(
                format,
                request("DISCORD", "t", "c", "txt"),
                new OpenedTarget(sandbox().baseUrl() + "/api/webhooks/" + id() + "/short", null, Map.of()));

        assertThat(unknown.verdict())
                .isEqualTo(Verdict.permanent("Discord answered HTTP 404: Unknown Webhook (10015)"));
        assertThat(badToken.verdict())
                .isEqualTo(Verdict.permanent("Discord answered HTTP 401: Invalid Webhook Token (50027)"));
    }

    @Test
    void shouldStayWithinTheContentLimitTheFakeEnforces() {
        String id = id();
        Attempt cut = attempt(format, request("DISCORD", "t", "x".repeat(3000), "txt"), target(id, ""));
        Attempt tooLong = NotifyFixtures.send(
                format,
                NotifyFixtures.jsonPost(
                        "/api/webhooks/" + id + "/" + TOKEN, "{\"content\":\"" + "x".repeat(2001) + "\"}"));

        assertThat(cut.verdict()).isEqualTo(Verdict.delivered());
        assertThat(tooLong.verdict())
                .isEqualTo(Verdict.permanent("Discord answered HTTP 400: Invalid Form Body (50035)"));
    }

    @Test
    void shouldRetryOn5xx() {
        String id = id();
        sandbox().behaviour().failNext("discord", id, 1, 502);

        assertThat(attempt(format, request("DISCORD", "t", "c", "txt"), target(id, ""))
                        .verdict()
                        .kind())
                .isEqualTo(Verdict.Kind.RETRY);
    }

    private static String id() {
        return String.format("1%018d", unique());
    }

    private static OpenedTarget target(String id, String query) {
        return new OpenedTarget(sandbox().baseUrl() + "/api/webhooks/" + id + "/" + TOKEN + query, null, Map.of());
    }
}
