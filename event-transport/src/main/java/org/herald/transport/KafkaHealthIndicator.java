package org.herald.transport;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Kafka in {@code /actuator/health}: a service that cannot reach the broker can accept nothing and
 * deliver nothing, so it must not report UP (the local stack and compose wait on this).
 */
class KafkaHealthIndicator extends AbstractHealthIndicator implements AutoCloseable {

    private static final int TIMEOUT_MS = 2_000;

    private final AdminClient client;

    KafkaHealthIndicator(KafkaAdmin admin) {
        super("Kafka is not reachable");
        this.client = AdminClient.create(admin.getConfigurationProperties());
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        var cluster = client.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
        int brokers = cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
        builder.up()
                .withDetail("clusterId", cluster.clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS))
                .withDetail("brokers", brokers);
    }

    @Override
    public void close() {
        client.close();
    }
}
