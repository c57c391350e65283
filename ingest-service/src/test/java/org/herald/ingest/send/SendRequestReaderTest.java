package org.herald.ingest.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SendRequestReaderTest {

    private final SendRequestReader reader =
            new SendRequestReader(new RequestParameters(JsonMapper.builder().build()));

    @Test
    void shouldTakeTheWholeBodyAsContentWhenTheUrlNamesTheTemplate() {
        String alarm = "{\"alertName\":\"CPU\",\"timestamp\":\"1508136760\",\"instanceName\":\"web-1\"}";

        SendParameters read = reader.read("template=cloudMonitor&topic=ops", "application/json", bytes(alarm), "tok");

        assertThat(read.content()).isEqualTo(alarm);
        assertThat(read.template()).isEqualTo("cloudMonitor");
        assertThat(read.token()).isEqualTo("tok");
        assertThat(read.topic()).isEqualTo("ops");
        // CloudMonitor's own timestamp is in seconds and no deadline.
        assertThat(read.timestamp()).isNull();
    }

    @Test
    void shouldFillWhatTheUrlLeavesOutFromAJenkinsPayloadButNeverTheToken() {
        String build = "{\"topic\":\"ci\",\"title\":\"构建成功\",\"buildState\":\"构建成功\",\"token\":\"other\","
                + "\"channel\":\"webhook\",\"webhook\":\"flow1\"}";

        SendParameters read = reader.read("template=jenkins&title=fromUrl", null, bytes(build), "tok");

        assertThat(read.content()).isEqualTo(build);
        assertThat(read.title()).isEqualTo("fromUrl");
        assertThat(read.topic()).isEqualTo("ci");
        assertThat(read.channel()).isEqualTo("webhook");
        assertThat(read.option()).isEqualTo("flow1");
        assertThat(read.token()).isEqualTo("tok");
    }

    @Test
    void shouldTellACallerWhoseTokenIsInsideTheBodyWhereItBelongs() {
        assertThatThrownBy(() -> reader.read(
                        "template=markdown", "application/json", bytes("{\"token\":\"t\",\"content\":\"# hi\"}"), null))
                .hasMessage("token不能为空（URL中指定template时整个请求体都是内容，token请放在URL或路径中）");
    }

    @Test
    void shouldTakeAnyTextBodyAsContentUnderTheRule() {
        SendParameters read =
                reader.read("token=t&template=txt", "text/plain; charset=utf-8", bytes("磁盘已满\n/var 98%"), null);

        assertThat(read.content()).isEqualTo("磁盘已满\n/var 98%");
        assertThat(read.token()).isEqualTo("t");
    }

    @Test
    void shouldReadFieldsWhenTheTemplateIsInTheBodyOrTheBodyIsAForm() {
        SendParameters json = reader.read(
                "token=t",
                "application/json",
                bytes("{\"template\":\"json\",\"content\":\"{}\",\"title\":\"x\"}"),
                null);
        assertThat(json.content()).isEqualTo("{}");
        assertThat(json.title()).isEqualTo("x");

        SendParameters form = reader.read(
                "template=markdown", "application/x-www-form-urlencoded", bytes("token=t&content=%23+hi"), null);
        assertThat(form.content()).isEqualTo("# hi");
        assertThat(form.template()).isEqualTo("markdown");
        assertThat(form.token()).isEqualTo("t");
    }

    @Test
    void shouldReadTheQueryAloneWhenThereIsNoBody() {
        SendParameters read = reader.read("token=t&template=txt&content=c", null, new byte[0], null);

        assertThat(read.content()).isEqualTo("c");
        assertThat(read.template()).isEqualTo("txt");
    }

    @Test
    void shouldRefuseABodyThatIsNotUtf8EvenUnderTheRule() {
        byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> reader.read("token=t&template=txt", "text/plain", latin1, null))
                .hasMessage("请求体不是合法的UTF-8文本");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
