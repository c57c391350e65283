package org.herald.sandbox.behaviour;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sliding rate windows per key (a robot, a chat, a webhook), as providers enforce their limits: "at
 * most {@code limit} requests in any {@code length}". A request over any window is refused and not
 * counted, so a refused client is not punished twice.
 */
public final class RateWindows {

    /** At most {@code limit} requests in any {@code length}. */
    public record Window(int limit, Duration length) {

        public Window {
            if (limit <= 0 || length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException("a rate window needs a positive limit and duration");
            }
        }
    }

    private final Map<String, Deque<Instant>> accepted = new HashMap<>();
    private final Clock clock;

    public RateWindows(Clock clock) {
        this.clock = clock;
    }

    /**
     * Counts a request for {@code key} when every window has room.
     *
     * @return empty when admitted; otherwise how long until the fullest window has room again
     */
    public synchronized Optional<Duration> admit(String key, Window... windows) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (Window window : windows) {
            Deque<Instant> times = times(key, window, now);
            if (times.size() >= window.limit()) {
                Duration untilRoom = Duration.between(now, times.peekFirst().plus(window.length()));
                wait = untilRoom.compareTo(wait) > 0 ? untilRoom : wait;
            }
        }
        if (!wait.isZero()) {
            return Optional.of(wait);
        }
        for (Window window : windows) {
            times(key, window, now).addLast(now);
        }
        return Optional.empty();
    }

    /** How many more requests {@code key} may make now within {@code window}. */
    public synchronized int remaining(String key, Window window) {
        return Math.max(0, window.limit() - times(key, window, clock.instant()).size());
    }

    /** Forgets every request, for tests that start from a quiet provider. */
    public synchronized void clear() {
        accepted.clear();
    }

    private Deque<Instant> times(String key, Window window, Instant now) {
        Deque<Instant> times = accepted.computeIfAbsent(key + "/" + window, k -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().plus(window.length()).isAfter(now)) {
            times.removeFirst();
        }
        return times;
    }
}
