package org.herald.sandbox.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InboxPageTest {

    @Test
    void shouldIndentJsonBodiesForReading() {
        assertThat(InboxPage.pretty("{\"a\":{\"b\":1}}")).isEqualTo("{\n  \"a\" : {\n    \"b\" : 1\n  }\n}");
    }

    @Test
    void shouldShowOtherBodiesAsTheyCame() {
        assertThat(InboxPage.pretty("a=1&b=2")).isEqualTo("a=1&b=2");
        assertThat(InboxPage.pretty("")).isEqualTo("(empty body)");
    }
}
