package org.herald.channel.webhook.serverchan;

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
import org.herald.sandbox.inbox.ReceivedRequest;
import org.junit.jupiter.api.Test;

/** ServerChan over HTTP against the sandbox's fake. */
class ServerChanSandboxTest {

    private final ServerChanFormat format = new ServerChanFormat();

    @Test
    void shouldDeliverToATurboKeyAndShowItInTheInbox() {
        String key = "SCT" + unique() + "TsandboxKey";
        Attempt attempt =
                attempt(format, request("SERVERCHAN", "磁盘告警", "95% used", "txt"), target("/" + key + ".send"));

        assertThat(attempt.verdict()).isEqualTo(Verdict.delivered());
        assertThat(attempt.answer()).startsWith("{\"code\":0,");
        ReceivedRequest received = lastReceived("serverchan");
        assertThat(received.path()).isEqualTo("/" + key + ".send");
        assertThat(received.body()).isEqualTo("{\"title\":\"磁盘告警\",\"desp\":\"95% used\"}");
        assertThat(received.header("Idempotency-Key"))
                .isEqualTo(attempt.request().headers().get("Idempotency-Key"));
    }

    @Test
    void shouldDeliverToAnSc3Key() {
        Attempt attempt = attempt(
                format, request("SERVERCHAN", "t", "c", "markdown"), target("/send/sctp" + unique() + "tabcdefg.send"));

        assertThat(attempt.verdict()).isEqualTo(Verdict.delivered());
    }

    @Test
    void shouldDeliverEveryTemplateWithTheGoldenBody() {
        String key = "SCT" + unique() + "Tgolden";
        for (String template : NotifyFixtures.TEMPLATES) {
            Attempt attempt = attempt(
                    format,
                    request("SERVERCHAN", "t", NotifyFixtures.RICH_CONTENT, template),
                    target("/" + key + ".send"));

            assertThat(attempt.verdict()).as(template).isEqualTo(Verdict.delivered());
            assertThat(lastReceived("serverchan").body()).as(template).isEqualTo(body(attempt.request()));
        }
    }

    @Test
    void shouldFailPermanentlyOnABadKeyAlthoughTheAnswerIsHttp200() {
        Attempt attempt = attempt(format, request("SERVERCHAN", "t", "c", "txt"), target("/NOTAKEY.send"));

        assertThat(attempt.response().status()).isEqualTo(200);
        assertThat(attempt.verdict()).isEqualTo(Verdict.permanent("ServerChan code 40001: bad pushkey"));
    }

    @Test
    void shouldRetryWhenServerChanFailsWith5xx() {
        String key = "SCT" + unique() + "Tflaky";
        sandbox().behaviour().failNext("serverchan", key, 1, 503);

        Attempt failed = attempt(format, request("SERVERCHAN", "t", "c", "txt"), target("/" + key + ".send"));
        Attempt next = attempt(format, request("SERVERCHAN", "t", "c", "txt"), target("/" + key + ".send"));

        assertThat(failed.verdict().kind()).isEqualTo(Verdict.Kind.RETRY);
        assertThat(next.verdict()).isEqualTo(Verdict.delivered());
    }

    @Test
    void shouldStayWithinTheDespLimitTheFakeEnforces() {
        Attempt attempt = attempt(
                format,
                request("SERVERCHAN", "t", "磁".repeat(20_000), "txt"),
                target("/SCT" + unique() + "Tlong.send"));

        assertThat(attempt.verdict()).isEqualTo(Verdict.delivered());
    }

    @Test
    void shouldBeRefusedByTheFakeBeyond32KilobytesOfDesp() {
        String desp = "x".repeat(32 * 1024 + 1);
        Attempt attempt = NotifyFixtures.send(
                format,
                NotifyFixtures.jsonPost(
                        "/SCT" + unique() + "Tbig.send", "{\"title\":\"t\",\"desp\":\"" + desp + "\"}"));

        assertThat(attempt.verdict()).isEqualTo(Verdict.permanent("ServerChan code 40005: desp larger than 32 KB"));
    }

    private static OpenedTarget target(String path) {
        return new OpenedTarget(sandbox().baseUrl() + path, null, Map.of());
    }
}
