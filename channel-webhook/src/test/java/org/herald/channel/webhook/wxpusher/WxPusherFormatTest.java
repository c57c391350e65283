package org.herald.channel.webhook.wxpusher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.channel.webhook.notify.NotifyFixtures.PAGE_URL;
import static org.herald.channel.webhook.notify.NotifyFixtures.body;
import static org.herald.channel.webhook.notify.NotifyFixtures.rendered;
import static org.herald.channel.webhook.notify.NotifyFixtures.request;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import okhttp3.Headers;
import org.herald.channel.webhook.delivery.OpenedTarget;
import org.herald.channel.webhook.delivery.Verdict;
import org.herald.channel.webhook.delivery.WebhookRequest;
import org.herald.channel.webhook.notify.NotifyFixtures;
import org.herald.outbound.OutboundResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class WxPusherFormatTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OpenedTarget TARGET = new OpenedTarget(
            "https://wxpusher.zjiecode.com/api/send/message/?appToken=AT_abc&uid=UID_a,UID_b&topicId=12",
            null,
            Map.of());

    private final WxPusherFormat format = new WxPusherFormat();

    @Test
    void shouldMoveTokenAndRecipientsFromTheQueryIntoTheBody() {
        WebhookRequest request = format.prepare(request("WXPUSHER", "磁盘告警", "95% used", "txt"), TARGET);

        assertThat(request.url()).isEqualTo("https://wxpusher.zjiecode.com/api/send/message");
        assertThat(body(request))
                .isEqualTo("{\"appToken\":\"AT_abc\",\"content\":\"# 磁盘告警\\n\\n95% used\",\"summary\":\"磁盘告警\","
                        + "\"contentType\":3,\"uids\":[\"UID_a\",\"UID_b\"],\"topicIds\":[12],\"url\":\"" + PAGE_URL
                        + "\",\"verifyPay\":false}");
    }

    @Test
    void shouldSendTheMarkdownOfEveryTemplate() {
        for (String template : NotifyFixtures.TEMPLATES) {
            WebhookRequest request =
                    format.prepare(request("WXPUSHER", "t", NotifyFixtures.RICH_CONTENT, template), TARGET);

            assertThat(JSON.readTree(request.body()).path("content").asString())
                    .as(template)
                    .isEqualTo("# t\n\n"
                            + rendered(template, "t", NotifyFixtures.RICH_CONTENT)
                                    .markdown());
        }
    }

    @Test
    void shouldCutTheSummaryTo20Characters() {
        WebhookRequest request = format.prepare(request("WXPUSHER", "x".repeat(30), "c", "txt"), TARGET);

        assertThat(JSON.readTree(request.body()).path("summary").asString()).hasSize(20);
    }

    @Test
    void shouldNeedCode1000SuccessAndOneAcceptedRecipient() {
        assertThat(
                        format.judge(
                                answer(
                                        "{\"code\":1000,\"msg\":\"处理成功\",\"data\":[{\"uid\":\"UID_a\",\"code\":1000}],\"success\":true}")))
                .isEqualTo(Verdict.delivered());
        assertThat(format.judge(answer("{\"code\":1001,\"msg\":\"appToken不正确\",\"data\":null,\"success\":false}")))
                .isEqualTo(Verdict.permanent("WxPusher code 1001: appToken不正确"));
        assertThat(
                        format.judge(
                                answer(
                                        "{\"code\":1000,\"msg\":\"处理成功\",\"data\":[{\"uid\":\"x\",\"code\":1001,\"status\":\"uid不存在\"}],\"success\":true}")))
                .isEqualTo(Verdict.permanent("WxPusher accepted no recipient: code 1001: uid不存在"));
        assertThat(format.judge(new OutboundResponse(502, Headers.of(), new byte[0]))
                        .kind())
                .isEqualTo(Verdict.Kind.RETRY);
    }

    private static OutboundResponse answer(String body) {
        return new OutboundResponse(200, Headers.of(), body.getBytes(StandardCharsets.UTF_8));
    }
}
