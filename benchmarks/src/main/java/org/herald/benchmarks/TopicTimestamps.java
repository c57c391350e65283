package org.herald.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each message's first record appeared on some of Herald's topics, read from their ends at the
 * start: the producer's timestamp of the record, in the benchmark's {@code System.nanoTime} scale
 * (millisecond resolution), so an end-to-end time splits into the steps between those topics.
 */
final class TopicTimestamps implements AutoCloseable {

    private final Map<String, Map<String, Long>> firstByTopic = new ConcurrentHashMap<>();
    /** Wall-clock nanoseconds minus {@code System.nanoTime()}, taken once. */
    private final long wallMinusNano = System.currentTimeMillis() * 1_000_000L - System.nanoTime();

    private final TopicTail tail;

    TopicTimestamps(String bootstrapServers, List<String> topics) {
        topics.forEach(topic -> firstByTopic.put(topic, new ConcurrentHashMap<>()));
        tail = new TopicTail(bootstrapServers, topics, "topic-timestamps", (messageId, record) -> firstByTopic
                .get(record.topic())
                .putIfAbsent(messageId, record.timestamp() * 1_000_000L - wallMinusNano));
    }

    /** The first record of the message on the topic, in {@code System.nanoTime} terms; null if none. */
    Long first(String topic, String messageId) {
        return firstByTopic.get(topic).get(messageId);
    }

    /** Stops reading; what was read stays readable. */
    @Override
    public void close() {
        tail.close();
    }
}
