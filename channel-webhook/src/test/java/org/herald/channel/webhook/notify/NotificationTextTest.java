package org.herald.channel.webhook.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.Headers;
import org.herald.channel.webhook.delivery.Verdict;
import org.herald.outbound.OutboundResponse;
import org.junit.jupiter.api.Test;

class NotificationTextTest {

    @Test
    void shouldCutByCharactersWithAnEllipsisWithoutSplittingASurrogatePair() {
        assertThat(NotificationText.cutChars("abcdef", 6)).isEqualTo("abcdef");
        assertThat(NotificationText.cutChars("abcdefg", 6)).isEqualTo("abcde…");
        assertThat(NotificationText.cutChars("abcd😀xyz", 6)).isEqualTo("abcd…");
    }

    @Test
    void shouldCutByUtf8BytesOnACharacterBoundary() {
        String cut = NotificationText.cutBytes("磁盘磁盘磁盘", 10);

        assertThat(cut).isEqualTo("磁盘…");
        assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(10);
    }

    @Test
    void shouldEndACutChatMessageWithThePageLink() {
        String message = NotificationText.chatMessage("T", "x".repeat(100), "https://h/m/1", 40);

        assertThat(message).hasSize(40).startsWith("T\nxxx").endsWith("…\nhttps://h/m/1");
        assertThat(NotificationText.chatMessage("T", "body", "https://h/m/1", 40))
                .isEqualTo("T\nbody");
        assertThat(NotificationText.chatMessage(null, "body", null, 40)).isEqualTo("body");
    }

    @Test
    void shouldHonourRetryAfterInSecondsOnARetry() {
        Verdict verdict = NotificationAnswer.byStatus(
                new OutboundResponse(429, Headers.of("Retry-After", "1.5"), new byte[0]), "X", null);

        assertThat(verdict).isEqualTo(Verdict.retryAfter("X answered HTTP 429", Duration.ofMillis(1500)));
    }

    @Test
    void shouldCapAVeryLongRetryAfter() {
        assertThat(NotificationAnswer.retryAfterHeader(
                        new OutboundResponse(503, Headers.of("Retry-After", "999999"), new byte[0])))
                .isEqualTo(Duration.ofHours(1));
    }
}
