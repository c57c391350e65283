package org.herald.testservers;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealServers.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class))) {
            producer.send(record).get(10, TimeUnit.SECONDS);
        }
    }
}
