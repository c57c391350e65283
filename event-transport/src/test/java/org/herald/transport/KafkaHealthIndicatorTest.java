package org.herald.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.Map;
import org.herald.testservers.RealServers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;

class KafkaHealthIndicatorTest {

    @Test
    void shouldBeUpWithTheBrokerCountWhenKafkaAnswers() {
        try (KafkaHealthIndicator health = indicator(RealServers.kafka().bootstrapServers())) {
            var result = health.health(true);

            assertThat(result.getStatus()).isEqualTo(Status.UP);
            assertThat(result.getDetails()).containsEntry("brokers", 1).containsKey("clusterId");
        }
    }

    @Test
    void shouldBeDownWhenNoBrokerListens() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (KafkaHealthIndicator health = indicator("localhost:" + closedPort)) {
            assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN);
        }
    }

    private static KafkaHealthIndicator indicator(String bootstrapServers) {
        return new KafkaHealthIndicator(new KafkaAdmin(Map.of("bootstrap.servers", bootstrapServers)));
    }
}
