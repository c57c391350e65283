package org.herald.ingest.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.events.delivery.DeliveryState.DELIVERED;
import static org.herald.events.delivery.DeliveryState.EXPIRED;
import static org.herald.events.delivery.DeliveryState.FAILED;
import static org.herald.events.delivery.DeliveryState.QUEUED;
import static org.herald.events.delivery.DeliveryState.RETRYING;
import static org.herald.events.delivery.DeliveryState.SENDING;

import java.time.Instant;
import java.util.List;
import org.herald.events.delivery.DeliveryState;
import org.herald.ingest.message.DeliveryRecord;
import org.junit.jupiter.api.Test;

class DeliveryProgressTest {

    @Test
    void shouldMoveThroughOneAttemptInOrder() {
        assertThat(DeliveryProgress.isForward(QUEUED, 0, SENDING, 1)).isTrue();
        assertThat(DeliveryProgress.isForward(SENDING, 1, RETRYING, 1)).isTrue();
        assertThat(DeliveryProgress.isForward(RETRYING, 1, SENDING, 2)).isTrue();
        assertThat(DeliveryProgress.isForward(SENDING, 2, DELIVERED, 2)).isTrue();
    }

    @Test
    void shouldIgnoreALateOrRepeatedChange() {
        assertThat(DeliveryProgress.isForward(SENDING, 1, QUEUED, 0)).isFalse();
        assertThat(DeliveryProgress.isForward(SENDING, 2, RETRYING, 1)).isFalse();
        assertThat(DeliveryProgress.isForward(QUEUED, 0, QUEUED, 0)).isFalse();
        assertThat(DeliveryProgress.isForward(RETRYING, 1, SENDING, 1)).isFalse();
    }

    @Test
    void shouldNeverLeaveAFinalState() {
        for (DeliveryState next : DeliveryState.values()) {
            assertThat(DeliveryProgress.isForward(DELIVERED, 1, next, 5)).isFalse();
            assertThat(DeliveryProgress.isForward(FAILED, 1, next, 5)).isFalse();
        }
        assertThat(DeliveryProgress.isForward(SENDING, 3, FAILED, 1)).isTrue();
    }

    @Test
    void shouldCallAMessageUnsentThenSendingUntilEveryDeliveryIsFinal() {
        assertThat(DeliveryProgress.outcome(List.of(delivery("a", QUEUED, null, 1)))
                        .status())
                .isZero();
        DeliveryProgress.Outcome sending =
                DeliveryProgress.outcome(List.of(delivery("a", DELIVERED, null, 1), delivery("b", QUEUED, null, 2)));
        assertThat(sending.status()).isEqualTo(1);
        assertThat(sending.isFinal()).isFalse();
    }

    @Test
    void shouldSucceedWhenAnyDeliverySucceeded() {
        DeliveryProgress.Outcome outcome = DeliveryProgress.outcome(
                List.of(delivery("a", DELIVERED, null, 5), delivery("b", FAILED, "HTTP 500", 7)));

        assertThat(outcome.isFinal()).isTrue();
        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.delivered()).isEqualTo(1);
        assertThat(outcome.failed()).isEqualTo(1);
        assertThat(outcome.errorMessage()).isEqualTo("HTTP 500");
        assertThat(outcome.completedAt()).isEqualTo(Instant.ofEpochSecond(7));
    }

    @Test
    void shouldFailWithTheDistinctReasonsWhenNothingWasDelivered() {
        DeliveryProgress.Outcome outcome = DeliveryProgress.outcome(List.of(
                delivery("a", FAILED, "HTTP 404", 1),
                delivery("b", FAILED, "HTTP 404", 2),
                delivery("c", EXPIRED, null, 3)));

        assertThat(outcome.status()).isEqualTo(3);
        assertThat(outcome.errorMessage()).isEqualTo("HTTP 404; 消息已过期");
        assertThat(outcome.failed()).isEqualTo(3);
    }

    private static DeliveryRecord delivery(String id, DeliveryState state, String reason, long second) {
        return new DeliveryRecord(id, "m", "webhook", "webhook:" + id, state, 1, reason, Instant.ofEpochSecond(second));
    }
}
