package org.herald.channel.webhook.slack;

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

/** Slack over HTTP against the sandbox's fake. */
class SlackSandboxTest {

    private static final String SECRET = "abcdefghijklmnopqrstuvwx";

    private final SlackFormat format = new SlackFormat();

    @Test
    void shouldPostToTheWebhookAndReadOk() {
        String service = service();
        Attempt attempt = attempt(format, request("SLACK", "t", "c", "txt"), target("T0HERALD", service, SECRET));

        assertThat(attempt.answer()).isEqualTo("ok");
        assertThat(attempt.verdict()).isEqualTo(Verdict.delivered());
        assertThat(lastReceived("slack").path()).isEqualTo("/services/T0HERALD/" + service + "/" + SECRET);
    }

    @Test
    void shouldDeliverEveryTemplateWithTheGoldenBody() {
        for (String template : NotifyFixtures.TEMPLATES) {
            Attempt attempt = attempt(
                    format,
                    request("SLACK", "t", NotifyFixtures.RICH_CONTENT, template),
                    target("T0HERALD", service(), SECRET));

            assertThat(attempt.verdict()).as(template).isEqualTo(Verdict.delivered());
            assertThat(lastReceived("slack").body()).as(template).isEqualTo(body(attempt.request()));
        }
    }

    @Test
    void shouldFailPermanentlyForAnUnknownTeamOrABadToken() {
        Attempt noTeam = attempt(format, request("SLACK", "t", "c", "txt"), target("x", service(), SECRET));
        Attempt badToken = attempt(format, request("SLACK", "t", "c", "txt"), target("T0HERALD", service(), "short"));

        assertThat(noTeam.verdict()).isEqualTo(Verdict.permanent("Slack answered HTTP 404: no_team"));
        assertThat(badToken.verdict()).isEqualTo(Verdict.permanent("Slack answered HTTP 403: invalid_token"));
    }

    @Test
    void shouldFailPermanentlyForAnArchivedChannel() {
        String service = service();
        sandbox().behaviour().failNext("slack", service, 1, 410);

        Attempt attempt = attempt(format, request("SLACK", "t", "c", "txt"), target("T0HERALD", service, SECRET));

        assertThat(attempt.verdict()).isEqualTo(Verdict.permanent("Slack answered HTTP 410: channel_is_archived"));
    }

    @Test
    void shouldRetryAfterSlacksWaitBeyondItsRate() {
        String service = service();
        Attempt last = null;
        for (int i = 0; i < 6; i++) {
            last = attempt(format, request("SLACK", "t", "m" + i, "txt"), target("T0HERALD", service, SECRET));
        }

        assertThat(last.response().status()).isEqualTo(429);
        assertThat(last.verdict().kind()).isEqualTo(Verdict.Kind.RETRY);
        assertThat(last.verdict().retryAfter()).isPositive();
    }

    @Test
    void shouldRetryOnRollupError() {
        String service = service();
        sandbox().behaviour().failNext("slack", service, 1, 500);

        Attempt attempt = attempt(format, request("SLACK", "t", "c", "txt"), target("T0HERALD", service, SECRET));

        assertThat(attempt.verdict().kind()).isEqualTo(Verdict.Kind.RETRY);
        assertThat(attempt.verdict().reason()).isEqualTo("Slack answered HTTP 500: rollup_error");
    }

    private static String service() {
        return String.format("B%08d", unique());
    }

    private static OpenedTarget target(String team, String service, String secret) {
        return new OpenedTarget(
                sandbox().baseUrl() + "/services/" + team + "/" + service + "/" + secret, null, Map.of());
    }
}
