package org.herald.channel.webhook.bark;

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

/** Bark over HTTP against the sandbox's fake. */
class BarkSandboxTest {

    private final BarkFormat format = new BarkFormat();

    @Test
    void shouldPushToTheDeviceKeepingTheOptionsInTheQuery() {
        String key = deviceKey();
        Attempt attempt = attempt(format, request("BARK", "t", "c", "txt"), target("/" + key + "/?sound=minuet"));

        assertThat(attempt.verdict()).isEqualTo(Verdict.delivered());
        assertThat(attempt.answer()).startsWith("{\"code\":200,\"message\":\"success\",\"timestamp\":");
        assertThat(lastReceived("bark").path()).isEqualTo("/" + key + "?sound=minuet");
    }

    @Test
    void shouldDeliverEveryTemplateWithTheGoldenBody() {
        String key = deviceKey();
        for (String template : NotifyFixtures.TEMPLATES) {
            Attempt attempt =
                    attempt(format, request("BARK", "t", NotifyFixtures.RICH_CONTENT, template), target("/" + key));

            assertThat(attempt.verdict()).as(template).isEqualTo(Verdict.delivered());
            assertThat(lastReceived("bark").body()).as(template).isEqualTo(body(attempt.request()));
        }
    }

    @Test
    void shouldFailPermanentlyForAnUnknownDeviceKey() {
        Attempt attempt = attempt(format, request("BARK", "t", "c", "txt"), target("/unknownSecretKey"));

        assertThat(attempt.verdict().kind()).isEqualTo(Verdict.Kind.PERMANENT);
        assertThat(attempt.verdict())
                .isEqualTo(Verdict.permanent(
                        "Bark code 400: failed to get device token: failed to get […] device token from database"));
    }

    @Test
    void shouldNotRepeatTheDeviceKeyInTheReason() {
        Attempt attempt = attempt(format, request("BARK", "t", "c", "txt"), target("/unknownSecretKey"));

        assertThat(attempt.answer()).contains("unknownSecretKey");
        assertThat(attempt.verdict().reason()).doesNotContain("unknownSecretKey");
    }

    @Test
    void shouldRetryWhenTheBarkServerCannotReachApns() {
        String key = deviceKey();
        sandbox().behaviour().failNext("bark", key, 1, 500);

        Attempt attempt = attempt(format, request("BARK", "t", "c", "txt"), target("/" + key));

        assertThat(attempt.verdict().kind()).isEqualTo(Verdict.Kind.RETRY);
    }

    private static String deviceKey() {
        return String.format("Dev%019d", unique());
    }

    private static OpenedTarget target(String path) {
        return new OpenedTarget(sandbox().baseUrl() + path, null, Map.of());
    }
}
