package org.herald.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * When each message's first record appeared on some of Herald's topics, read from their ends at the
 * start: the producer's timestamp of the record, in the benchmark's {@code System.nanoTime} scale
 * (millisecond resolution), so an end-to-end time splits into the steps between those topics.
 */
final class TopicTimestamps implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Map<String, Long>> firstByTopic = new ConcurrentHashMap<>();
    /** Wall-clock nanoseconds minus {@code System.nanoTime()}, taken once. */
    private final long wallMinusNano;

    private final Thread poller;
    private volatile boolean running = true;

    TopicTimestamps(String bootstrapServers, List<String> topics) {
        wallMinusNano = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        // The timestamps are the producers', so fetching in batches changes none of them, and a fetch
        // per record would take broker CPU from the stack under test.
        properties.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 65536);
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 200);
        consumer = new KafkaConsumer<>(properties);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            firstByTopic.put(topic, new ConcurrentHashMap<>());
            for (PartitionInfo partition : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, partition.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller = new Thread(this::poll, "topic-timestamps");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (running) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                String messageId = messageId(new String(record.value(), StandardCharsets.UTF_8));
                if (messageId != null) {
                    firstByTopic
                            .get(record.topic())
                            .putIfAbsent(messageId, record.timestamp() * 1_000_000L - wallMinusNano);
                }
            }
        }
    }

    /** The {@code messageId} field of an event's JSON, without parsing the rest of it. */
    static String messageId(String json) {
        int at = json.indexOf("\"messageId\":\"");
        if (at < 0) {
            return null;
        }
        int start = at + "\"messageId\":\"".length();
        int end = json.indexOf('"', start);
        return end < 0 ? null : json.substring(start, end);
    }

    /** The first record of the message on the topic, in {@code System.nanoTime} terms; null if none. */
    Long first(String topic, String messageId) {
        return firstByTopic.get(topic).get(messageId);
    }

    @Override
    public void close() {
        running = false;
        try {
            poller.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(2));
    }
}
