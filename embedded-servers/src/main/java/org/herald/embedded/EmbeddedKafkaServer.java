package org.herald.embedded;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A single real Kafka broker in KRaft mode, in this JVM. Its log directories are temporary. */
public final class EmbeddedKafkaServer implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;

    private EmbeddedKafkaServer(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    /**
     * @param port the listener port, 0 for any free one
     * @param partitions the default partition count of topics created on demand
     */
    public static EmbeddedKafkaServer start(int port, int partitions) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions);
        if (port > 0) {
            broker.kafkaPorts(port);
        }
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        return new EmbeddedKafkaServer(broker);
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
