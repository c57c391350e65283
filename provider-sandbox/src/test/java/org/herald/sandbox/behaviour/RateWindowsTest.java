package org.herald.sandbox.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RateWindowsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void shouldRefuseBeyondTheLimitUntilTheOldestRequestLeavesTheWindow() {
        RateWindows windows = new RateWindows(clock);
        RateWindows.Window twoIn10s = new RateWindows.Window(2, Duration.ofSeconds(10));

        assertThat(windows.admit("chat", twoIn10s)).isEmpty();
        now.set(now.get().plusSeconds(4));
        assertThat(windows.admit("chat", twoIn10s)).isEmpty();
        assertThat(windows.admit("chat", twoIn10s)).contains(Duration.ofSeconds(6));
        assertThat(windows.admit("other", twoIn10s)).isEmpty();

        now.set(now.get().plusSeconds(6));
        assertThat(windows.remaining("chat", twoIn10s)).isEqualTo(1);
        assertThat(windows.admit("chat", twoIn10s)).isEmpty();
    }

    @Test
    void shouldRefuseWhenAnyWindowIsFullAndCountTheRefusalInNone() {
        RateWindows windows = new RateWindows(clock);
        RateWindows.Window fivePerSecond = new RateWindows.Window(5, Duration.ofSeconds(1));
        RateWindows.Window sixPerMinute = new RateWindows.Window(6, Duration.ofMinutes(1));

        for (int i = 0; i < 5; i++) {
            assertThat(windows.admit("bot", fivePerSecond, sixPerMinute)).isEmpty();
        }
        assertThat(windows.admit("bot", fivePerSecond, sixPerMinute)).contains(Duration.ofSeconds(1));
        assertThat(windows.remaining("bot", sixPerMinute)).isEqualTo(1);

        now.set(now.get().plusSeconds(1));
        assertThat(windows.admit("bot", fivePerSecond, sixPerMinute)).isEmpty();
        assertThat(windows.admit("bot", fivePerSecond, sixPerMinute)).contains(Duration.ofSeconds(59));
    }
}
