package org.herald.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.herald.rendering.RenderedMessage.Field;
import org.junit.jupiter.api.Test;

class MessageRendererTest {

    private final MessageRenderer renderer = new MessageRenderer();

    @Test
    void shouldRenderAnUnknownTemplateAsText() {
        RenderedMessage rendered = renderer.render("excel", "t", "<b>x</b>");

        assertThat(rendered.pageHtml()).contains("&lt;b&gt;x&lt;/b&gt;");
        assertThat(rendered.plainText()).isEqualTo("<b>x</b>");
    }

    @Test
    void shouldRenderAMissingTemplateAsHtmlAndMatchNamesInAnyCase() {
        assertThat(renderer.render(null, "", "<b>x</b>").pageHtml()).isEqualTo("<b>x</b>");
        assertThat(renderer.render("CLOUDMONITOR", "", "{\"alertName\":\"a\"}").plainText())
                .startsWith("设备告警通知");
    }

    @Test
    void shouldTreatNullContentAsEmptyAndWindowsLineBreaksAsNewlines() {
        assertThat(renderer.render("txt", null, null).plainText()).isEmpty();
        assertThat(renderer.render("txt", "", "a\r\nb").pageHtml()).contains("a<br>b");
    }

    @Test
    void shouldGiveTheWeChatFieldsOfACardCutToTwentyCharacters() {
        RenderedMessage pay = renderer.render(
                "pay",
                "",
                "{'amount':'12.50','payWay':'支付宝','successTime':'2024-01-01 12:00:00',"
                        + "'orderNo':'P2024010100000000000000001'}");

        assertThat(pay.shortFields(RenderedMessage.WECHAT_FIELD_CHARS))
                .containsExactly(
                        new Field("到账金额", "12.50元"),
                        new Field("支付方式", "支付宝"),
                        new Field("支付时间", "2024-01-01 12:00:00"),
                        new Field("订单编号", "P202401010000000000…"));
    }

    @Test
    void shouldLinkAJenkinsMessageToItsBuildLog() {
        RenderedMessage jenkins = renderer.render(
                "jenkins", "", "{\"projectName\":\"p\",\"buildLogUrl\":\"https://ci.test/job/p/3/console\"}");

        assertThat(jenkins.link()).isEqualTo("https://ci.test/job/p/3/console");
        assertThat(renderer.render("html", "", "<p>x</p>").link()).isNull();
    }

    @Test
    void shouldSummariseOnOneLineWithoutSplittingACharacter() {
        RenderedMessage rendered = renderer.render("txt", "", "第一行\n第二行 😀😀");

        assertThat(rendered.summary(20)).isEqualTo("第一行 第二行 😀😀");
        assertThat(rendered.summary(9)).isEqualTo("第一行 第二行 …");
        assertThat(RenderedMessage.shorten("😀😀😀", 2)).isEqualTo("😀…");
        assertThat(RenderedMessage.shorten("abc", 3)).isEqualTo("abc");
    }

    @Test
    void shouldKeepTheThreeFormConstructorForChannelsThatBuildTheirOwn() {
        RenderedMessage message = new RenderedMessage("<p>x</p>", "x", "x");

        assertThat(message.fields()).isEqualTo(List.of());
        assertThat(message.link()).isNull();
    }
}
