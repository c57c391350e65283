package org.herald.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code fan-out}: one /send to a topic of {@code --subscribers} (10,000) WeChat subscribers, {@code
 * --repeat} (3) times after one unmeasured warm-up send. The benchmark reads {@code herald.deliveries.wechat} itself and takes, per
 * message, the time from ingest's answer to the last of its deliveries on the topic (the broker's
 * append time of the last record, on the same clock).
 */
final class FanOutScenario {

    private static final String TOPIC = "herald.deliveries.wechat";

    private FanOutScenario() {}

    static Report run(Options options, String command) {
        int subscribers = options.integer("subscribers", 10_000);
        int repeat = options.integer("repeat", 3);
        double limitSeconds = options.number("drain", 60);
        Report report = new Report("fan-out", command);
        try (Herald herald = Herald.open(options, 1)) {
            BenchmarkMain.closeOnExit(herald);
            long setup = System.nanoTime();
            System.out.printf("%nA topic with %,d subscribers (joining through the admin API)...%n", subscribers);
            String token = herald.topicWithSubscribers("bench", subscribers, 8);
            System.out.printf("  joined in %.1f s%n", (System.nanoTime() - setup) / 1e9);
            try (DeliveryCounter counter = new DeliveryCounter(herald.kafkaBootstrapServers())) {
                List<Double> seconds = new ArrayList<>();
                // The first fan-out of a fresh ingest runs interpreted code (JIT warm-up): sent and
                // reported, not counted, as the other scenarios warm up before they measure.
                for (int i = -1; i < repeat; i++) {
                    long sentAt = System.currentTimeMillis();
                    String answer = herald.openApi(
                            "/send",
                            null,
                            "{\"token\":\"" + token + "\",\"topic\":\"bench\",\"channel\":\"wechat\","
                                    + "\"title\":\"fan-out " + (i + 1) + "\",\"content\":\"" + IngestScenario.CONTENT
                                    + "\"}");
                    long acceptedAt = System.currentTimeMillis();
                    String shortCode = answer.replaceAll(".*\"data\":\"([0-9a-f]+)\".*", "$1");
                    long last =
                            counter.awaitAll(shortCode, subscribers, Duration.ofMillis((long) (limitSeconds * 1000)));
                    long arrived = counter.count(shortCode);
                    double took = (last - acceptedAt) / 1000.0;
                    if (i < 0) {
                        System.out.printf(
                                "  warm-up message: %,d of %,d deliveries, the last %.2f s after acceptance (not counted)%n",
                                counter.count(shortCode), subscribers, took);
                        report.note(String.format(Locale.ROOT, "warm-up message (not counted): %.2f s", took));
                        continue;
                    }
                    seconds.add(took);
                    System.out.printf(
                            "  message %d: accepted in %d ms; %,d of %,d deliveries on %s, the last %.2f s after acceptance%n",
                            i + 1, acceptedAt - sentAt, arrived, subscribers, TOPIC, took);
                    if (arrived < subscribers) {
                        report.note(String.format(
                                Locale.ROOT,
                                "message %d: only %,d of %,d deliveries published within %.0f s",
                                i + 1,
                                arrived,
                                subscribers,
                                limitSeconds));
                        seconds.set(seconds.size() - 1, Double.POSITIVE_INFINITY);
                    }
                }
                double worst =
                        seconds.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
                report.figure(
                        String.format(
                                Locale.ROOT,
                                "all %,d deliveries published after acceptance (worst of %d)",
                                subscribers,
                                repeat),
                        Double.isInfinite(worst) ? "incomplete" : String.format(Locale.ROOT, "%.2f s", worst),
                        "≤ 5 s",
                        worst <= 5.0);
                report.note("each message: "
                        + seconds.stream()
                                .map(s -> Double.isInfinite(s) ? "incomplete" : String.format(Locale.ROOT, "%.2f s", s))
                                .toList());
            }
        }
        return report;
    }

    /** Counts the records on the delivery topic per message, from the topic's end at the start. */
    private static final class DeliveryCounter implements AutoCloseable {

        private final ConcurrentHashMap<String, AtomicLong> counts = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<String, AtomicLong> lastAppend = new ConcurrentHashMap<>();
        private final TopicTail tail;

        DeliveryCounter(String bootstrapServers) {
            tail = new TopicTail(bootstrapServers, List.of(TOPIC), "fan-out-counter", (messageId, record) -> {
                counts.computeIfAbsent(messageId, id -> new AtomicLong()).incrementAndGet();
                lastAppend
                        .computeIfAbsent(messageId, id -> new AtomicLong())
                        .accumulateAndGet(record.timestamp(), Math::max);
            });
        }

        long count(String messageId) {
            AtomicLong count = counts.get(messageId);
            return count == null ? 0 : count.get();
        }

        /** Waits until {@code expected} records of the message arrived; answers the last one's timestamp. */
        long awaitAll(String messageId, int expected, Duration limit) {
            long deadline = System.nanoTime() + limit.toNanos();
            while (count(messageId) < expected && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            AtomicLong last = lastAppend.get(messageId);
            return last == null ? System.currentTimeMillis() : last.get();
        }

        @Override
        public void close() {
            tail.close();
        }
    }
}
