package org.herald.channel.webhook.ifttt;

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

/** IFTTT over HTTP against the sandbox's fake. */
class IftttSandboxTest {

    private static final String KEY = "abcdefghijklmnopqrstuv";

    private final IftttFormat format = new IftttFormat();

    @Test
    void shouldFireTheEventWithTheThreeIngredients() {
        String event = "disk" + unique();
        Attempt attempt =
                attempt(format, request("IFTTT", "t", "c", "txt"), target("/trigger/" + event + "/with/key/" + KEY));

        assertThat(attempt.verdict()).isEqualTo(Verdict.delivered());
        assertThat(attempt.answer()).isEqualTo("Congratulations! You've fired the " + event + " event");
        assertThat(lastReceived("ifttt").body())
                .isEqualTo("{\"value1\":\"t\",\"value2\":\"c\",\"value3\":\"" + NotifyFixtures.PAGE_URL + "\"}");
    }

    @Test
    void shouldFireTheJsonTriggerWithTheWholeObject() {
        String event = "json" + unique();
        Attempt attempt = attempt(
                format, request("IFTTT", "t", "c", "txt"), target("/trigger/" + event + "/json/with/key/" + KEY));

        assertThat(attempt.verdict()).isEqualTo(Verdict.delivered());
        assertThat(lastReceived("ifttt").body()).startsWith("{\"title\":\"t\",\"content\":\"c\",");
    }

    @Test
    void shouldDeliverEveryTemplateWithTheGoldenBody() {
        String event = "golden" + unique();
        for (String template : NotifyFixtures.TEMPLATES) {
            Attempt attempt = attempt(
                    format,
                    request("IFTTT", "t", NotifyFixtures.RICH_CONTENT, template),
                    target("/trigger/" + event + "/with/key/" + KEY));

            assertThat(attempt.verdict()).as(template).isEqualTo(Verdict.delivered());
            assertThat(lastReceived("ifttt").body()).as(template).isEqualTo(body(attempt.request()));
        }
    }

    @Test
    void shouldFailPermanentlyOnAnInvalidKey() {
        Attempt attempt = attempt(format, request("IFTTT", "t", "c", "txt"), target("/trigger/disk/with/key/short"));

        assertThat(attempt.verdict()).isEqualTo(Verdict.permanent("IFTTT answered HTTP 401: You sent an invalid key."));
    }

    @Test
    void shouldRetryAfterTheWaitIftttAsksForWhenThrottled() {
        String event = "busy" + unique();
        sandbox().behaviour().failNext("ifttt", event, 1, 429);

        Attempt attempt =
                attempt(format, request("IFTTT", "t", "c", "txt"), target("/trigger/" + event + "/with/key/" + KEY));

        assertThat(attempt.verdict().kind()).isEqualTo(Verdict.Kind.RETRY);
        assertThat(attempt.verdict().retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void shouldRetryOn5xx() {
        String event = "down" + unique();
        sandbox().behaviour().failNext("ifttt", event, 1, 500);

        Attempt attempt =
                attempt(format, request("IFTTT", "t", "c", "txt"), target("/trigger/" + event + "/with/key/" + KEY));

        assertThat(attempt.verdict().kind()).isEqualTo(Verdict.Kind.RETRY);
    }

    private static OpenedTarget target(String path) {
        return new OpenedTarget(sandbox().baseUrl() + path, null, Map.of());
    }
}
