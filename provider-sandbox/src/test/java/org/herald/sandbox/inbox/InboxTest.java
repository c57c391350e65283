package org.herald.sandbox.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InboxTest {

    private final Inbox inbox = new Inbox(3, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void shouldForgetTheOldestBeyondItsCapacity() {
        for (int i = 1; i <= 5; i++) {
            inbox.add("hiflow", incoming("/hiflow/" + i), 200, "accepted");
        }

        assertThat(inbox.size()).isEqualTo(3);
        assertThat(inbox.all())
                .extracting(ReceivedRequest::path)
                .containsExactly("/hiflow/5", "/hiflow/4", "/hiflow/3");
    }

    @Test
    void shouldKeepTheRawBodyHeadersAndTime() {
        ReceivedRequest request = inbox.add(
                "callback",
                new Incoming(
                        "POST",
                        "/callback/x",
                        Map.of("Webhook-Id", List.of("msg_1")),
                        "{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8)),
                200,
                "accepted");

        assertThat(request.body()).isEqualTo("{\"a\":\"é\"}");
        assertThat(request.header("webhook-id")).isEqualTo("msg_1");
        assertThat(request.receivedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void shouldFilterByTargetWithinTheLimit() {
        inbox.add("hiflow", incoming("/hiflow/a"), 200, "accepted");
        inbox.add("callback", incoming("/callback/a"), 200, "accepted");
        inbox.add("hiflow", incoming("/hiflow/b"), 200, "accepted");

        assertThat(inbox.newestFirst("hiflow", 1))
                .extracting(ReceivedRequest::path)
                .containsExactly("/hiflow/b");
        assertThat(inbox.newestFirst("callback", 10))
                .extracting(ReceivedRequest::path)
                .containsExactly("/callback/a");
        assertThat(inbox.newestFirst("", 10)).hasSize(3);
    }

    private static Incoming incoming(String path) {
        return new Incoming("POST", path, Map.of(), "{}".getBytes(StandardCharsets.UTF_8));
    }
}
