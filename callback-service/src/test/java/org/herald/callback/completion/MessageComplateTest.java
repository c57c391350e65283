package org.herald.callback.completion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.herald.callback.sending.CallbackRequest;
import org.herald.events.message.MessageCompleted;
import org.herald.transport.ReceivedEvent;
import org.junit.jupiter.api.Test;

class MessageComplateTest {

    private static final String SHORT_CODE = "0123456789abcdef0123456789abcdef";

    @Test
    void shouldWriteThePushplusCallbackExactly() {
        assertThat(new String(MessageComplate.body(completed(2, "", "https://u/cb")), StandardCharsets.UTF_8))
                .isEqualTo("{\"event\":\"message_complate\",\"messageInfo\":{\"message\":\"\",\"shortCode\":\""
                        + SHORT_CODE + "\",\"sendStatus\":2}}");
    }

    @Test
    void shouldCarryTheErrorTextOfAFailedMessage() {
        assertThat(new String(MessageComplate.body(completed(3, "发送失败: 无效的\"webhook\"", "u")), StandardCharsets.UTF_8))
                .isEqualTo("{\"event\":\"message_complate\",\"messageInfo\":{\"message\":\"发送失败: 无效的\\\"webhook\\\"\","
                        + "\"shortCode\":\"" + SHORT_CODE + "\",\"sendStatus\":3}}");
        assertThat(new String(MessageComplate.body(completed(3, null, "u")), StandardCharsets.UTF_8))
                .contains("\"message\":\"\"");
    }

    @Test
    void shouldIdentifyTheCallbackByTheEventAndTheMessage() {
        CallbackRequest request = MessageComplate.request(new ReceivedEvent<>(
                "evt-9",
                "org.herald.message.completed.v1",
                "/herald/ingest",
                Instant.EPOCH,
                SHORT_CODE,
                completed(2, "", "https://u/cb")));

        // A message completes once: its shortCode, not the event's id, identifies the callback.
        assertThat(request.eventId()).isEqualTo(SHORT_CODE);
        assertThat(request.kind()).isEqualTo("message_complate");
        assertThat(request.subject()).isEqualTo(SHORT_CODE);
        assertThat(request.webhookId()).isEqualTo("msg_" + SHORT_CODE);
        assertThat(request.url()).isEqualTo("https://u/cb");
    }

    @Test
    void shouldLeaveTheUrlToTheAccountWhenTheMessageHasNone() {
        CallbackRequest request =
                MessageComplate.request(new ReceivedEvent<>(null, "t", "s", null, SHORT_CODE, completed(2, "", null)));

        assertThat(request.url()).isNull();
        assertThat(request.eventId()).isEqualTo(SHORT_CODE);
    }

    private static MessageCompleted completed(int status, String message, String callbackUrl) {
        return new MessageCompleted(SHORT_CODE, UUID.randomUUID(), status, message, 1, 0, callbackUrl, Instant.EPOCH);
    }
}
