package org.herald.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateScheduleTest {

    @Test
    void shouldSpaceRequestsEvenlyFromTheStartWhateverHappensToEarlierOnes() {
        RateSchedule schedule = new RateSchedule(1_000_000_000L, 2000);

        assertThat(schedule.intendedStart(0)).isEqualTo(1_000_000_000L);
        assertThat(schedule.intendedStart(1)).isEqualTo(1_000_500_000L);
        assertThat(schedule.intendedStart(2000)).isEqualTo(2_000_000_000L);
    }

    @Test
    void shouldKeepFractionalPeriodsFromDrifting() {
        RateSchedule schedule = new RateSchedule(0, 3000);

        assertThat(schedule.intendedStart(3000)).isEqualTo(1_000_000_000L);
        assertThat(schedule.intendedStart(1)).isEqualTo(333_333L);
    }

    @Test
    void shouldCountTheRequestsDueByAMoment() {
        RateSchedule schedule = new RateSchedule(1_000, 1000);

        assertThat(schedule.dueBy(999)).isZero();
        assertThat(schedule.dueBy(1_000)).isEqualTo(1);
        assertThat(schedule.dueBy(1_000 + 1_000_000)).isEqualTo(2);
        assertThat(schedule.count(2.5)).isEqualTo(2500);
    }

    @Test
    void shouldRefuseARateThatIsNotPositive() {
        assertThatThrownBy(() -> new RateSchedule(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
