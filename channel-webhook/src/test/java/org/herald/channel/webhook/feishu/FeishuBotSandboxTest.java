package org.herald.channel.webhook.feishu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.herald.channel.webhook.delivery.DeliveryOutcome;
import org.herald.channel.webhook.delivery.OpenedTarget;
import org.herald.channel.webhook.delivery.Verdict;
import org.herald.channel.webhook.robot.RobotSandboxSupport;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.outbound.OutboundResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Feishu and Lark bots against the sandbox's fakes over HTTP: signing, errors, size and rate limits. */
class FeishuBotSandboxTest extends RobotSandboxSupport {

    private final FeishuBotFormat format = new FeishuBotFormat(Clock.systemUTC());

    @ParameterizedTest
    @CsvSource({"FEISHU, feishu, /open-apis/bot/v2/hook/", "LARK, lark, /lark/open-apis/bot/v2/hook/"})
    void shouldDeliverASignedMessageTheFakeVerifies(String type, String target, String path) {
        String hook = "h-" + random(6);
        sandbox.robots().register(target, hook, "bot-secret", List.of());
        DeliveryRequested request = bot(type, path, hook, "bot-secret", "html", "告警", "disk 95%");

        Verdict verdict = attempt(format, request, opened(request));

        assertThat(verdict).isEqualTo(Verdict.delivered());
        assertThat(received(target, hook)).singleElement().satisfies(post -> {
            assertThat(post.path()).isEqualTo(path + hook);
            assertThat(post.body()).startsWith("{\"timestamp\":\"").contains("\"sign\":\"");
        });
    }

    @Test
    void shouldFailPermanentlyWhenTheSignatureIsWrong() {
        String hook = "h-" + random(6);
        sandbox.robots().register("feishu", hook, "bot-secret", List.of());
        DeliveryRequested request = bot("FEISHU", "/open-apis/bot/v2/hook/", hook, "other", "txt", "t", "c");

        Verdict verdict = attempt(format, request, opened(request));

        assertThat(verdict)
                .isEqualTo(Verdict.permanent("Feishu error 19021: sign match fail or timestamp is not within one hour"
                        + " from current time"));
    }

    @Test
    void shouldFailAnUnknownHookAndAnOversizedBodyAndRetryThrottlingLater() throws Exception {
        String hook = "h-" + random(6);
        DeliveryRequested unknown =
                bot("FEISHU", "/open-apis/bot/v2/hook/", "unknown-" + random(3), null, "txt", "t", "c");
        Verdict gone = attempt(format, unknown, opened(unknown));
        String huge = "{\"msg_type\":\"text\",\"content\":{\"text\":\"" + "x".repeat(21_000) + "\"}}";
        OutboundResponse tooBig = http.send(
                "POST",
                sandbox.baseUrl() + "/open-apis/bot/v2/hook/" + hook,
                Map.of(),
                huge.getBytes(StandardCharsets.UTF_8),
                "application/json");
        sandbox.behaviour().script("feishu", hook, 1, 11232, Duration.ZERO, false);
        DeliveryRequested request = bot("FEISHU", "/open-apis/bot/v2/hook/", hook, null, "txt", "t", "c");
        Verdict throttled = attempt(format, request, opened(request));

        assertThat(gone.kind()).isEqualTo(Verdict.Kind.PERMANENT);
        assertThat(gone.reason()).isEqualTo("Feishu error 19001: the hook token is invalid");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(format.judge(tooBig))
                .isEqualTo(Verdict.permanent("Feishu error 9499: bad request (body shape, or body over 20 KB)"));
        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void shouldCutLongContentSoTheFakeAcceptsIt() {
        String hook = "h-" + random(6);
        DeliveryRequested request =
                bot("FEISHU", "/open-apis/bot/v2/hook/", hook, null, "markdown", "t", "告".repeat(10_000));

        Verdict verdict = attempt(format, request, opened(request));

        assertThat(verdict).isEqualTo(Verdict.delivered());
        assertThat(received("feishu", hook).get(0).body()).contains("[查看完整消息](http://herald.test/m/");
    }

    @Test
    void shouldKeepFivePerSecondWaitingInPlaceForTheNextSlot() {
        String hook = "h-" + random(6);
        var service = service(format, Duration.ofSeconds(2));

        List<DeliveryOutcome.Kind> outcomes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            outcomes.add(service.deliver(bot("FEISHU", "/open-apis/bot/v2/hook/", hook, null, "txt", "t", "c" + i), 1)
                    .kind());
        }

        // The sixth to eighth waited for a free second instead of being refused with 11232.
        assertThat(outcomes).containsOnly(DeliveryOutcome.Kind.DELIVERED);
        assertThat(received("feishu", hook)).hasSize(8).allSatisfy(post -> assertThat(post.verdict())
                .isEqualTo("accepted"));
    }

    private DeliveryRequested bot(
            String type, String path, String hook, String secret, String template, String title, String content) {
        return request(type, sandbox.baseUrl() + path + hook, secret, Map.of(), template, title, content);
    }

    private OpenedTarget opened(DeliveryRequested request) {
        String secret = request.target().sealedSecret() == null
                ? null
                : sealer.open(request.target().sealedSecret());
        return new OpenedTarget(
                sealer.open(request.target().sealedAddress()),
                secret,
                request.target().attributes());
    }
}
