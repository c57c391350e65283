package org.herald.testservers;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a record exactly as a test built it, headers included, on the test broker. The
 * application's own template would put a trace of its own on the record (its observation), which a
 * test of trace propagation must not have.
 */
public final class PlainProducer {

    private PlainProducer() {}

    public static void send(ProducerRecord<String, byte[]> record)
            throws InterruptedException, ExecutionException, TimeoutException {
        sendTogether(List.of(record));
    }

    /**
     * Publishes the records as one batch per partition (the producer lingers until all are handed
     * over), so a consumer fetches those of a partition in one poll.
     */
    public static void sendTogether(List<ProducerRecord<String, byte[]>> records)
            throws InterruptedException, ExecutionException, TimeoutException {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealServers.kafka().bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG,
                5_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class))) {
            List<Future<RecordMetadata>> sent =
                    records.stream().map(producer::send).toList();
            producer.flush();
            for (Future<RecordMetadata> each : sent) {
                each.get(10, TimeUnit.SECONDS);
            }
        }
    }
}
