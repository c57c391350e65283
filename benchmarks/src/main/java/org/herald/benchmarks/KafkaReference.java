package org.herald.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The ceiling for durable acceptance: a bare producer ({@code acks=all}, idempotent) writing records
 * of the size of Herald's accepted event to the same broker, each worker waiting for its
 * acknowledgement as ingest does before it answers.
 */
final class KafkaReference implements LoadGenerator.Target, AutoCloseable {

    static final String TOPIC = "benchmark.reference";

    private final KafkaProducer<byte[], byte[]> producer;
    private final byte[] value;

    KafkaReference(String bootstrapServers, int recordBytes, int partitions) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(java.util.List.of(new NewTopic(TOPIC, partitions, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // it exists already (a second reference run in the same stack)
        }
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        30_000,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        10_000),
                new ByteArraySerializer(),
                new ByteArraySerializer());
        value = new byte[recordBytes];
        Arrays.fill(value, (byte) 'x');
    }

    @Override
    public LoadGenerator.Outcome call(LoadGenerator.Worker worker, long index) throws Exception {
        publish();
        return LoadGenerator.Outcome.ok(null);
    }

    /** One record, returning once the broker acknowledged it. */
    void publish() throws Exception {
        byte[] key = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
