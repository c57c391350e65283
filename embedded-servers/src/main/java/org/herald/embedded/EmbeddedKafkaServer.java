package org.herald.embedded;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single real Kafka broker in KRaft mode (combined broker and controller), in this JVM.
 *
 * <p>Tests use spring-kafka-test's {@link EmbeddedKafkaKraftBroker} on any free port. The local stack
 * needs the documented port 9092, which that test kit cannot give (it pre-binds random ports), so it
 * runs Kafka's own {@link KafkaRaftServer} with a formatted log directory, as {@code kafka-storage
 * format} and {@code kafka-server-start} would.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

    private final String bootstrapServers;
    private final Runnable stop;

    private EmbeddedKafkaServer(String bootstrapServers, Runnable stop) {
        this.bootstrapServers = bootstrapServers;
        this.stop = stop;
    }

    /**
     * Starts a broker on any free port with temporary log directories.
     *
     * @param partitions the default partition count of topics created on demand
     */
    public static EmbeddedKafkaServer start(int partitions) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions);
        broker.brokerProperties(singleNodeSettings());
        broker.afterPropertiesSet();
        return new EmbeddedKafkaServer(broker.getBrokersAsString(), broker::destroy);
    }

    /**
     * Starts a broker on fixed ports, its log in {@code logDirectory} (formatted if empty).
     *
     * @param port the client listener port
     * @param controllerPort the KRaft controller listener port
     * @param partitions the default partition count of topics created on demand
     */
    public static EmbeddedKafkaServer startOnPorts(int port, int controllerPort, int partitions, Path logDirectory) {
        Properties properties = new Properties();
        properties.putAll(singleNodeSettings());
        properties.put("node.id", "1");
        properties.put("process.roles", "broker,controller");
        properties.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        properties.put("log.dirs", logDirectory.toString());
        properties.put("num.partitions", String.valueOf(partitions));
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        KafkaConfig config = KafkaConfig.fromProps(properties, false);
        try {
            Files.createDirectories(logDirectory);
            if (!Files.exists(logDirectory.resolve("meta.properties"))) {
                new Formatter()
                        .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                        .setClusterId(Uuid.randomUuid().toString())
                        .setNodeId(1)
                        .setControllerListenerName("CONTROLLER")
                        .setMetadataLogDirectory(logDirectory.toString())
                        .setDirectories(java.util.List.of(logDirectory.toString()))
                        .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                        .setReleaseVersion(MetadataVersion.latestProduction())
                        .run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare Kafka's log directory " + logDirectory, e);
        } catch (Exception e) {
            throw new IllegalStateException("could not format Kafka's log directory " + logDirectory, e);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        return new EmbeddedKafkaServer("localhost:" + port, () -> {
            server.shutdown();
            server.awaitShutdown();
        });
    }

    private static Map<String, String> singleNodeSettings() {
        return Map.of(
                "auto.create.topics.enable", "true",
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0");
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        stop.run();
    }
}
