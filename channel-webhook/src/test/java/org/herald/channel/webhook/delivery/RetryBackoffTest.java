package org.herald.channel.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import org.herald.transport.retry.RetrySchedule;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private static final Instant FAILED = Instant.parse("2026-01-01T00:00:00Z");
    private final RetrySchedule schedule = new RetrySchedule(5, Duration.ofSeconds(2), 3.0, Duration.ofSeconds(30));

    @Test
    void shouldGrowExponentiallyUpToTheMaximum() {
        RetryBackoff exact = new RetryBackoff(schedule, 0, () -> 0.5);

        assertThat(exact.nextAttemptAt(1, FAILED, null)).isEqualTo(FAILED.plusSeconds(2));
        assertThat(exact.nextAttemptAt(2, FAILED, null)).isEqualTo(FAILED.plusSeconds(6));
        assertThat(exact.nextAttemptAt(3, FAILED, null)).isEqualTo(FAILED.plusSeconds(18));
        assertThat(exact.nextAttemptAt(4, FAILED, null)).isEqualTo(FAILED.plusSeconds(30));
    }

    @Test
    void shouldSpreadTheDelayByTheJitter() {
        assertThat(new RetryBackoff(schedule, 0.2, () -> 0.0).nextAttemptAt(2, FAILED, null))
                .isEqualTo(FAILED.plusMillis(4800));
        assertThat(new RetryBackoff(schedule, 0.2, () -> 0.999999).nextAttemptAt(2, FAILED, null))
                .isEqualTo(FAILED.plusMillis(7200));
    }

    @Test
    void shouldNeverBeEarlierThanTheTargetAsked() {
        RetryBackoff backoff = new RetryBackoff(schedule, 0.2, () -> 0.5);

        assertThat(backoff.nextAttemptAt(1, FAILED, FAILED.plusSeconds(60))).isEqualTo(FAILED.plusSeconds(60));
        assertThat(backoff.nextAttemptAt(1, FAILED, FAILED.plusSeconds(1))).isEqualTo(FAILED.plusSeconds(2));
    }

    @Test
    void shouldWriteTheHeaderAsSpringKafkaReadsIt() {
        assertThat(new BigInteger(RetryBackoff.header(FAILED)).longValue()).isEqualTo(FAILED.toEpochMilli());
    }
}
