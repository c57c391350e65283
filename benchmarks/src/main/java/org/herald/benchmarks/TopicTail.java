package org.herald.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads Herald's events on some topics from their ends at the start, on a thread of its own, and
 * hands each one with its {@code messageId} to a handler. It fetches in batches: what the benchmarks
 * read from a record is its producer's timestamp, which batching does not change, and a fetch per
 * record would take broker CPU from the stack under test.
 */
final class TopicTail implements AutoCloseable {

    /** What to do with one event; runs on the tail's thread. */
    @FunctionalInterface
    interface EventHandler {
        void handle(String messageId, ConsumerRecord<String, byte[]> record);
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventHandler handler;
    private final Thread poller;
    private volatile boolean running = true;

    TopicTail(String bootstrapServers, List<String> topics, String threadName, EventHandler handler) {
        this.handler = handler;
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        properties.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 65536);
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 200);
        consumer = new KafkaConsumer<>(properties);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo partition : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, partition.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller = new Thread(this::poll, threadName);
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (running) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                String messageId = messageId(new String(record.value(), StandardCharsets.UTF_8));
                if (messageId != null) {
                    handler.handle(messageId, record);
                }
            }
        }
    }

    /** The {@code messageId} field of an event's JSON, without parsing the rest of it. */
    private static String messageId(String json) {
        int at = json.indexOf("\"messageId\":\"");
        if (at < 0) {
            return null;
        }
        int start = at + "\"messageId\":\"".length();
        int end = json.indexOf('"', start);
        return end < 0 ? null : json.substring(start, end);
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
