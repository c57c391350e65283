package org.herald.ingest.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.herald.ingest.api.PushplusException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RequestParametersTest {

    private final RequestParameters parameters =
            new RequestParameters(JsonMapper.builder().build());

    @Test
    void shouldReadAJsonBodyWithNumbersListsAndObjects() {
        var values = parameters.fromBody(
                "application/json; charset=utf-8",
                bytes("{\"token\":\"t\",\"timestamp\":1632993318000,\"to\":[\"a\",\"b\"],"
                        + "\"content\":{\"k\":1},\"topic\":null}"));

        assertThat(values)
                .containsEntry("token", "t")
                .containsEntry("timestamp", "1632993318000")
                .containsEntry("to", "a,b")
                .containsEntry("content", "{\"k\":1}")
                .doesNotContainKey("topic");
    }

    @Test
    void shouldDecodeAFormBodyAsUtf8() {
        var values = parameters.fromBody(
                "application/x-www-form-urlencoded", bytes("title=%E6%A0%87%E9%A2%98&content=a+b%2Bc&token=x"));

        assertThat(values)
                .containsEntry("title", "标题")
                .containsEntry("content", "a b+c")
                .containsEntry("token", "x");
    }

    @Test
    void shouldReadJsonSentWithCurlsDefaultFormContentType() {
        var values = parameters.fromBody("application/x-www-form-urlencoded", bytes("{\"token\":\"t\"}"));

        assertThat(values).containsEntry("token", "t");
    }

    @Test
    void shouldReadTheQueryString() {
        assertThat(parameters.fromQuery("title=%E4%BD%A0%E5%A5%BD&flag&content="))
                .containsEntry("title", "你好");
        assertThat(parameters.fromQuery(null)).isEmpty();
    }

    @Test
    void shouldIgnoreAnEmptyBody() {
        assertThat(parameters.fromBody("application/json", new byte[0])).isEmpty();
        assertThat(parameters.fromBody("application/xml", bytes("  \n"))).isEmpty();
    }

    @Test
    void shouldRefuseMalformedJsonWithWhereItBroke() {
        assertThatThrownBy(() -> parameters.fromBody("application/json", bytes("{\"token\":")))
                .isInstanceOf(PushplusException.class)
                .hasMessage("请求体不是合法的JSON（第1行第10列附近）");
    }

    @Test
    void shouldRefuseJsonThatIsNotAnObject() {
        assertThatThrownBy(() -> parameters.fromBody("application/json", bytes("[1,2]")))
                .hasMessage("请求体必须是JSON对象");
    }

    @Test
    void shouldRefuseAnUnsupportedContentType() {
        assertThatThrownBy(() -> parameters.fromBody("multipart/form-data; boundary=x", bytes("--x")))
                .isInstanceOf(PushplusException.class)
                .hasMessage(
                        "不支持的Content-Type: multipart/form-data，请使用application/json或application/x-www-form-urlencoded");
    }

    @Test
    void shouldRefuseBrokenPercentEncoding() {
        assertThatThrownBy(() -> parameters.fromQuery("title=%E4%ZZ")).hasMessage("URL参数编码错误: 参数title不是合法的URL编码");
    }

    @Test
    void shouldRefuseAParameterGivenTwiceInOneSource() {
        assertThatThrownBy(() -> parameters.fromQuery("token=a&title=t&token=b"))
                .hasMessage("URL参数中参数重复: token（每个参数只能出现一次）");
        assertThatThrownBy(() -> parameters.fromBody("application/x-www-form-urlencoded", bytes("token=x&token=y")))
                .hasMessage("请求体中参数重复: token（每个参数只能出现一次）");
        assertThatThrownBy(() -> parameters.fromBody("application/json", bytes("{\"token\":\"a\",\"token\":\"b\"}")))
                .hasMessage("参数重复: token（每个参数只能出现一次）");
    }

    @Test
    void shouldRefuseTextThatIsNotValidUtf8() {
        byte[] latin1 = "{\"content\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> parameters.fromBody("application/json", latin1))
                .hasMessage("请求体不是合法的UTF-8文本");
        assertThatThrownBy(() -> parameters.fromQuery("title=%FF%FE")).hasMessage("URL参数编码错误: 参数title不是合法的UTF-8文本");
        // Declared, it is read as what it is.
        assertThat(parameters.fromBody("application/json; charset=ISO-8859-1", latin1))
                .containsEntry("content", "café");
    }

    @Test
    void shouldRefuseListsAndObjectsWhereTextIsExpected() {
        assertThatThrownBy(() -> parameters.fromBody("application/json", bytes("{\"token\":[\"a\"]}")))
                .hasMessage("参数token不能是数组或对象");
        assertThatThrownBy(() -> parameters.fromBody("application/json", bytes("{\"title\":{\"a\":1}}")))
                .hasMessage("参数title不能是数组或对象");
        assertThatThrownBy(() -> parameters.fromBody("application/json", bytes("{\"to\":[[\"a\"]]}")))
                .hasMessage("参数to必须是逗号分隔的字符串或字符串数组");
        assertThat(parameters.fromBody("application/json", bytes("{\"content\":[1,{\"a\":2}],\"extra\":{}}")))
                .containsEntry("content", "[1,{\"a\":2}]");
    }

    @Test
    void shouldReadAJsonArrayWithoutContentTypeAsJson() {
        assertThatThrownBy(() -> parameters.fromBody(null, bytes("[{\"token\":\"t\"}]")))
                .hasMessage("请求体必须是JSON对象");
    }

    @Test
    void shouldRefuseAContentTypeThatDoesNotParse() {
        assertThatThrownBy(() -> parameters.fromBody("application/json; charset=nope-42", bytes("{}")))
                .hasMessage("无法识别的Content-Type，请使用application/json");
        assertThatThrownBy(() -> parameters.fromBody("json", bytes("{}")))
                .hasMessage("无法识别的Content-Type，请使用application/json");
    }

    @Test
    void shouldReadOnlyRoutingFieldsOutOfAForeignPayload() {
        assertThat(parameters.embeddedFields(
                        "{\"title\":\"构建\",\"topic\":\"ops\",\"token\":\"x\",\"timestamp\":\"1508136760\",\"to\":{}}"))
                .containsOnly(Map.entry("title", "构建"), Map.entry("topic", "ops"), Map.entry("token", "x"));
        assertThat(parameters.embeddedFields("not json")).isEmpty();
        assertThat(parameters.embeddedFields("{broken")).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
