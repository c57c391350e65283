package org.herald.channel.webhook.wxpusher;

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

/** WxPusher over HTTP against the sandbox's fake. */
class WxPusherSandboxTest {

    private static final String UID = "UID_abcdefghijklmnop";

    private final WxPusherFormat format = new WxPusherFormat();

    @Test
    void shouldSendToTheUidsOfTheConfiguredUrl() {
        String token = token();
        Attempt attempt = attempt(format, request("WXPUSHER", "t", "c", "txt"), target(token, "uid=" + UID));

        assertThat(attempt.verdict()).isEqualTo(Verdict.delivered());
        assertThat(attempt.answer()).contains("\"code\":1000", "\"success\":true");
        assertThat(lastReceived("wxpusher").path()).isEqualTo("/api/send/message");
        assertThat(lastReceived("wxpusher").body()).contains("\"appToken\":\"" + token + "\"");
    }

    @Test
    void shouldDeliverEveryTemplateWithTheGoldenBody() {
        String token = token();
        for (String template : NotifyFixtures.TEMPLATES) {
            Attempt attempt = attempt(
                    format,
                    request("WXPUSHER", "t", NotifyFixtures.RICH_CONTENT, template),
                    target(token, "topicId=7"));

            assertThat(attempt.verdict()).as(template).isEqualTo(Verdict.delivered());
            assertThat(lastReceived("wxpusher").body()).as(template).isEqualTo(body(attempt.request()));
        }
    }

    @Test
    void shouldFailPermanentlyOnABadTokenAlthoughTheAnswerIsHttp200() {
        Attempt attempt = attempt(format, request("WXPUSHER", "t", "c", "txt"), target("wrong", "uid=" + UID));

        assertThat(attempt.response().status()).isEqualTo(200);
        assertThat(attempt.verdict()).isEqualTo(Verdict.permanent("WxPusher code 1001: appToken不正确"));
    }

    @Test
    void shouldFailPermanentlyWithoutRecipients() {
        Attempt attempt = attempt(format, request("WXPUSHER", "t", "c", "txt"), target(token(), "x=1"));

        assertThat(attempt.verdict()).isEqualTo(Verdict.permanent("WxPusher code 1001: uids和topicIds不能同时为空"));
    }

    @Test
    void shouldFailPermanentlyWhenNoRecipientIsKnown() {
        Attempt attempt = attempt(format, request("WXPUSHER", "t", "c", "txt"), target(token(), "uid=nobody"));

        assertThat(attempt.verdict()).isEqualTo(Verdict.permanent("WxPusher accepted no recipient: code 1001: uid不存在"));
    }

    @Test
    void shouldBeRefusedByTheFakeBeyond40000Characters() {
        String content = "x".repeat(40_001);
        Attempt attempt = NotifyFixtures.send(
                format,
                NotifyFixtures.jsonPost(
                        "/api/send/message",
                        "{\"appToken\":\"" + token() + "\",\"content\":\"" + content + "\",\"uids\":[\"" + UID
                                + "\"]}"));

        assertThat(attempt.verdict()).isEqualTo(Verdict.permanent("WxPusher code 1001: content长度不能超过40000"));
    }

    @Test
    void shouldRetryOn5xx() {
        String token = token();
        sandbox().behaviour().failNext("wxpusher", token, 1, 502);

        Attempt attempt = attempt(format, request("WXPUSHER", "t", "c", "txt"), target(token, "uid=" + UID));

        assertThat(attempt.verdict().kind()).isEqualTo(Verdict.Kind.RETRY);
    }

    private static String token() {
        return String.format("AT_%020d", unique());
    }

    private static OpenedTarget target(String token, String recipients) {
        return new OpenedTarget(
                sandbox().baseUrl() + "/api/send/message/?appToken=" + token + "&" + recipients, null, Map.of());
    }
}
