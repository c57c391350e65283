package org.herald.callback.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPlanTest {

    private static final List<Duration> SVIX = List.of(
            Duration.ZERO,
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(10));

    @Test
    void shouldFollowTheScheduleWithoutJitterAtTheMiddle() {
        RetryPlan plan = new RetryPlan(SVIX, 0.2, Duration.ofDays(1), () -> 0.5);

        assertThat(plan.attempts()).isEqualTo(8);
        assertThat(plan.delayAfter(1, null)).isEqualTo(Duration.ofSeconds(5));
        assertThat(plan.delayAfter(2, null)).isEqualTo(Duration.ofMinutes(5));
        assertThat(plan.delayAfter(7, null)).isEqualTo(Duration.ofHours(10));
    }

    @Test
    void shouldSpreadEachDelayByTheJitterBothWays() {
        assertThat(new RetryPlan(SVIX, 0.2, Duration.ofDays(1), () -> 0.0).delayAfter(3, null))
                .isEqualTo(Duration.ofMinutes(24));
        assertThat(new RetryPlan(SVIX, 0.2, Duration.ofDays(1), () -> 1.0).delayAfter(3, null))
                .isEqualTo(Duration.ofMinutes(36));
    }

    @Test
    void shouldWaitAsLongAsRetryAfterAsksUpToItsLimit() {
        RetryPlan plan = new RetryPlan(SVIX, 0.0, Duration.ofHours(1), () -> 0.5);

        assertThat(plan.delayAfter(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(plan.delayAfter(1, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(5));
        assertThat(plan.delayAfter(1, Duration.ofDays(3))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void shouldRefuseAnEmptySchedule() {
        assertThatThrownBy(() -> new RetryPlan(List.of(), 0.2, Duration.ofDays(1), () -> 0.5))
                .hasMessageContaining("herald.callback.retry.schedule");
    }
}
