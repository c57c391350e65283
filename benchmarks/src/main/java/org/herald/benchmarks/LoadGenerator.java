package org.herald.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives one target open-loop at a fixed rate from a bounded set of worker threads (one connection
 * each). Each request is charged from its intended start, so when every worker is busy the requests
 * that wait are charged for the wait: the figures stay right when the server stalls.
 */
final class LoadGenerator {

    /** One request against the target; runs on a worker thread, blocking. */
    interface Target {
        Outcome call(Worker worker, long index) throws Exception;

        /** Per-worker state, such as an open connection; closed when the run ends. */
        default Worker newWorker() {
            return () -> {};
        }
    }

    interface Worker extends AutoCloseable {
        @Override
        void close();
    }

    /** What a request came to: accepted (with the id the server gave it, if any) or not, and why. */
    record Outcome(boolean accepted, String id, String error) {
        static Outcome ok(String id) {
            return new Outcome(true, id, null);
        }

        static Outcome failed(String error) {
            return new Outcome(false, null, error);
        }
    }

    /** Told of each accepted request, e.g. to match it with its delivery later. */
    interface AcceptListener {
        void accepted(String id, long intendedStartNanos, long acceptedNanos);
    }

    /** The error kind of sends the schedule reached only after the run's time was up. */
    static final String NOT_SENT = "not sent: run over time";

    /** How long requests may still run after the schedule's end before the run stops waiting. */
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(15);

    private LoadGenerator() {}

    static RunResult run(
            String name,
            Target target,
            double rate,
            double warmupSeconds,
            double seconds,
            int workers,
            AcceptListener listener,
            boolean progress) {
        Recorder measured = new Recorder(3);
        Recorder interval = new Recorder(3);
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        LongAdder measuredOk = new LongAdder();
        LongAdder measuredFailed = new LongAdder();
        AtomicLong next = new AtomicLong();
        AcceptStall acceptStall = new AcceptStall();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        RateSchedule schedule = new RateSchedule(start, rate);
        long warmupCount = schedule.count(warmupSeconds);
        long total = warmupCount + schedule.count(seconds);
        long measureStart = schedule.intendedStart(warmupCount);
        long end = schedule.intendedStart(total);
        long hardStop = end + GRACE_NANOS;

        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread thread = new Thread(
                    () -> {
                        try (Worker worker = target.newWorker()) {
                            for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                                long intended = schedule.intendedStart(i);
                                long wait;
                                while ((wait = intended - System.nanoTime()) > 0) {
                                    LockSupport.parkNanos(wait);
                                }
                                if (System.nanoTime() > hardStop) {
                                    failed.increment();
                                    if (intended >= measureStart) {
                                        measuredFailed.increment();
                                    }
                                    errors.computeIfAbsent(NOT_SENT, k -> new LongAdder())
                                            .increment();
                                    continue;
                                }
                                Outcome outcome;
                                try {
                                    outcome = target.call(worker, i);
                                } catch (Exception e) {
                                    outcome = Outcome.failed(e.getClass().getSimpleName());
                                }
                                long done = System.nanoTime();
                                boolean inWindow = intended >= measureStart;
                                if (outcome.accepted()) {
                                    long micros = Math.max(1, (done - intended) / 1000);
                                    interval.recordValue(micros);
                                    ok.increment();
                                    acceptStall.accepted(done);
                                    if (inWindow) {
                                        measured.recordValue(micros);
                                        measuredOk.increment();
                                    }
                                    if (listener != null) {
                                        listener.accepted(outcome.id(), intended, done);
                                    }
                                } else {
                                    failed.increment();
                                    if (inWindow) {
                                        measuredFailed.increment();
                                    }
                                    errors.computeIfAbsent(outcome.error(), k -> new LongAdder())
                                            .increment();
                                }
                            }
                        }
                    },
                    name + "-" + w);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }

        Histogram progressHistogram = null;
        long lastOk = 0;
        long lastFailed = 0;
        long tick = start + TimeUnit.SECONDS.toNanos(1);
        while (threads.stream().anyMatch(Thread::isAlive) && System.nanoTime() < hardStop + GRACE_NANOS) {
            long wait = tick - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            progressHistogram = interval.getIntervalHistogram(progressHistogram);
            long okNow = ok.sum();
            long failedNow = failed.sum();
            if (progress) {
                double t = (System.nanoTime() - start) / 1e9;
                System.out.printf(
                        "  [%s %,.0f/s] %5.1fs %s accepted %,6d/s  errors %,5d  p50 %7.2f ms  p99 %8.2f ms  max %8.2f ms%n",
                        name,
                        rate,
                        t,
                        t < warmupSeconds ? "warmup " : "measure",
                        okNow - lastOk,
                        failedNow - lastFailed,
                        progressHistogram.getValueAtPercentile(50) / 1000.0,
                        progressHistogram.getValueAtPercentile(99) / 1000.0,
                        progressHistogram.getMaxValue() / 1000.0);
            }
            lastOk = okNow;
            lastFailed = failedNow;
            tick += TimeUnit.SECONDS.toNanos(1);
        }
        acceptStall.endedAt(Math.min(System.nanoTime(), end));
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((kind, count) -> errorCounts.put(kind, count.sum()));
        return new RunResult(
                name,
                rate,
                seconds,
                measuredOk.sum(),
                measuredFailed.sum(),
                ok.sum(),
                failed.sum(),
                measured.getIntervalHistogram(),
                errorCounts,
                acceptStall.longestMillis(),
                measureStart,
                end);
    }

    /** The longest time between two accepted requests: how long senders were turned away. */
    static final class AcceptStall {
        private long last = -1;
        private long longest;

        synchronized void accepted(long nanos) {
            if (last >= 0 && nanos - last > longest) {
                longest = nanos - last;
            }
            last = Math.max(last, nanos);
        }

        /** A stall still going on when the schedule ended counts up to its end. */
        synchronized void endedAt(long nanos) {
            if (last >= 0 && nanos - last > longest) {
                longest = nanos - last;
            }
        }

        synchronized long longestMillis() {
            return TimeUnit.NANOSECONDS.toMillis(longest);
        }
    }
}
