package org.herald.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedServersTest {

    @Test
    void shouldRoundTripARecordThroughTheKafkaBroker() throws Exception {
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(1)) {
            assertRoundTrip(kafka);
        }
    }

    @Test
    void shouldServeKafkaOnTheAskedPortFromAFormattedLogDirectory(@TempDir Path logs) throws Exception {
        int[] ports = twoFreePorts();
        int port = ports[0];
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.startOnPorts(port, ports[1], 1, logs)) {
            assertThat(kafka.bootstrapServers()).isEqualTo("localhost:" + port);
            assertRoundTrip(kafka);
        }
        assertThat(logs.resolve("meta.properties")).exists();
    }

    /** Both sockets are held open together, so the system cannot hand out the same port twice. */
    private static int[] twoFreePorts() throws Exception {
        try (ServerSocket first = new ServerSocket(0);
                ServerSocket second = new ServerSocket(0)) {
            return new int[] {first.getLocalPort(), second.getLocalPort()};
        }
    }

    private static void assertRoundTrip(EmbeddedKafkaServer kafka) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class));
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "probe",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class))) {
            producer.send(new ProducerRecord<>("probe", "k", "hello")).get();
            consumer.subscribe(List.of("probe"));

            var records = consumer.poll(Duration.ofSeconds(20));

            assertThat(records).extracting(r -> r.value()).containsExactly("hello");
        }
    }

    @Test
    void shouldServeSqlFromPostgres() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0, null)) {
            postgres.createDatabase("probe");
            postgres.createDatabase("probe");
            try (var connection = DriverManager.getConnection(postgres.jdbcUrl("probe"), "postgres", "x");
                    var result = connection.createStatement().executeQuery("select current_database()")) {
                result.next();
                assertThat(result.getString(1)).isEqualTo("probe");
            }
        }
    }

    @Test
    void shouldAnswerPingFromRedis() throws Exception {
        try (EmbeddedRedisServer redis = EmbeddedRedisServer.start(0);
                Socket socket = new Socket("127.0.0.1", redis.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("+PONG");
        }
    }
}
