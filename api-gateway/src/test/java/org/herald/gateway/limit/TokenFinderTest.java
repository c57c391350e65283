package org.herald.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class TokenFinderTest {

    private static final byte[] NONE = new byte[0];

    @Test
    void shouldPreferTheBodyOverTheQueryOverThePathAsIngestDoes() {
        byte[] json = "{\"token\":\"body\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(TokenFinder.find("/send/path", "token=query", MediaType.APPLICATION_JSON, json))
                .isEqualTo("body");
        assertThat(TokenFinder.find("/send/path", "a=1&token=query", null, NONE))
                .isEqualTo("query");
        assertThat(TokenFinder.find("/send/path", null, null, NONE)).isEqualTo("path");
        assertThat(TokenFinder.find("/batchSend/batch", null, null, NONE)).isEqualTo("batch");
    }

    @Test
    void shouldReadFormBodiesAndJsonSentAsForm() {
        byte[] form = "title=a&token=t%31".getBytes(StandardCharsets.UTF_8);
        byte[] jsonAsForm = " {\"token\":\"j\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(TokenFinder.find("/send", null, MediaType.APPLICATION_FORM_URLENCODED, form))
                .isEqualTo("t1");
        assertThat(TokenFinder.find("/send", null, MediaType.APPLICATION_FORM_URLENCODED, jsonAsForm))
                .isEqualTo("j");
    }

    @Test
    void shouldFindNoTokenWhereThereIsNone() {
        byte[] broken = "{\"token\":".getBytes(StandardCharsets.UTF_8);
        byte[] numeric = "{\"token\":42}".getBytes(StandardCharsets.UTF_8);

        assertThat(TokenFinder.find("/m/abc", "shortCode=x", MediaType.APPLICATION_JSON, broken))
                .isNull();
        assertThat(TokenFinder.find("/send", null, MediaType.APPLICATION_JSON, numeric))
                .isNull();
        assertThat(TokenFinder.find("/send/", "token=", null, NONE)).isNull();
        assertThat(TokenFinder.find("/send", "token=" + "x".repeat(129), null, NONE))
                .isNull();
    }
}
