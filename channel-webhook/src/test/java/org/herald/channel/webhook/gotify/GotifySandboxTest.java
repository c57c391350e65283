package org.herald.channel.webhook.gotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.channel.webhook.notify.NotifyFixtures.attempt;
import static org.herald.channel.webhook.notify.NotifyFixtures.body;
import static org.herald.channel.webhook.notify.NotifyFixtures.lastReceived;
import static org.herald.channel.webhook.notify.NotifyFixtures.request;
import static org.herald.channel.webhook.notify.NotifyFixtures.sandbox;
import static org.herald.channel.webhook.notify.NotifyFixtures.unique;

import java.util.Map;
import org.herald.channel.webhook.delivery.OpenedTarget;
import org.herald.channel.webhook.delivery.Verdict;
import org.herald.channel.webhook.notify.NotifyFixtures;
import org.herald.channel.webhook.notify.NotifyFixtures.Attempt;
import org.junit.jupiter.api.Test;

/** Gotify over HTTP against the sandbox's fake. */
class GotifySandboxTest {

    private final GotifyFormat format = new GotifyFormat();

    @Test
    void shouldCreateTheMessageWithTheApplicationToken() {
        String token = token();
        Attempt attempt = attempt(format, request("GOTIFY", "t", "c", "markdown"), target(token));

        assertThat(attempt.verdict()).isEqualTo(Verdict.delivered());
        assertThat(attempt.answer()).contains("\"message\":\"c\"", "\"title\":\"t\"");
        assertThat(lastReceived("gotify").path()).isEqualTo("/message?token=" + token);
    }

    @Test
    void shouldDeliverEveryTemplateWithTheGoldenBody() {
        String token = token();
        for (String template : NotifyFixtures.TEMPLATES) {
            Attempt attempt =
                    attempt(format, request("GOTIFY", "t", NotifyFixtures.RICH_CONTENT, template), target(token));

            assertThat(attempt.verdict()).as(template).isEqualTo(Verdict.delivered());
            assertThat(lastReceived("gotify").body()).as(template).isEqualTo(body(attempt.request()));
        }
    }

    @Test
    void shouldFailPermanentlyOnAnInvalidToken() {
        Attempt attempt = attempt(format, request("GOTIFY", "t", "c", "txt"), target("Cnotanapptoken"));

        assertThat(attempt.verdict())
                .isEqualTo(Verdict.permanent("Gotify answered HTTP 401: you need to provide a valid access token or "
                        + "user credentials to access this api"));
    }

    @Test
    void shouldFailPermanentlyWhenTheServerRefusesTheMessage() {
        Attempt attempt = NotifyFixtures.send(
                format, NotifyFixtures.jsonPost("/message?token=" + token(), "{\"title\":\"no message\"}"));

        assertThat(attempt.verdict())
                .isEqualTo(Verdict.permanent("Gotify answered HTTP 400: Field 'message' is required"));
    }

    @Test
    void shouldRetryWhenTheServerIsUnavailable() {
        String token = token();
        sandbox().behaviour().failNext("gotify", token, 1, 503);

        Attempt attempt = attempt(format, request("GOTIFY", "t", "c", "txt"), target(token));

        assertThat(attempt.verdict().kind()).isEqualTo(Verdict.Kind.RETRY);
    }

    private static String token() {
        return String.format("A%014d", unique());
    }

    private static OpenedTarget target(String token) {
        return new OpenedTarget(sandbox().baseUrl() + "/message?token=" + token, null, Map.of());
    }
}
