package org.herald.ingest.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterMergerTest {

    @Test
    void shouldPreferTheBodyOverTheQuery() {
        SendParameters merged = ParameterMerger.merge(
                Map.of("title", "body", "content", "from body"), Map.of("title", "query", "template", "txt"), null);

        assertThat(merged.title()).isEqualTo("body");
        assertThat(merged.content()).isEqualTo("from body");
        assertThat(merged.template()).isEqualTo("txt");
    }

    @Test
    void shouldUseThePathTokenOnlyWhenNoOtherTokenIsGiven() {
        assertThat(ParameterMerger.merge(Map.of(), Map.of(), "path").token()).isEqualTo("path");
        assertThat(ParameterMerger.merge(Map.of(), Map.of("token", "query"), "path")
                        .token())
                .isEqualTo("query");
        assertThat(ParameterMerger.merge(Map.of("token", "body"), Map.of("token", "query"), "path")
                        .token())
                .isEqualTo("body");
    }

    @Test
    void shouldReadWebhookAndOptionAsOneParameter() {
        assertThat(ParameterMerger.merge(Map.of("webhook", "a"), Map.of(), null).option())
                .isEqualTo("a");
        assertThat(ParameterMerger.merge(Map.of(), Map.of("option", "b"), null).option())
                .isEqualTo("b");
        assertThat(ParameterMerger.merge(Map.of("webhook", "a", "option", "b"), Map.of(), null)
                        .option())
                .isEqualTo("b");
        assertThat(ParameterMerger.merge(Map.of("webhook", "body"), Map.of("option", "query"), null)
                        .option())
                .isEqualTo("body");
    }

    @Test
    void shouldTreatBlankValuesAsAbsent() {
        SendParameters merged =
                ParameterMerger.merge(Map.of("content", "  ", "token", ""), Map.of("content", "query content"), " ");

        assertThat(merged.content()).isEqualTo("query content");
        assertThat(merged.token()).isNull();
    }

    @Test
    void shouldCarryEveryDocumentedParameter() {
        SendParameters merged = ParameterMerger.merge(
                Map.of(
                        "token", "t",
                        "title", "ti",
                        "content", "c",
                        "topic", "to",
                        "template", "json",
                        "channel", "webhook",
                        "callbackUrl", "https://x",
                        "timestamp", "1",
                        "to", "a,b"),
                Map.of(),
                null);

        assertThat(merged)
                .isEqualTo(new SendParameters("t", "ti", "c", "to", "json", "webhook", null, "https://x", "1", "a,b"));
    }
}
