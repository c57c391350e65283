package org.herald.transport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.herald.events.topic.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates Herald's topics (and their dead-letter topics) that do not exist yet, and leaves existing
 * ones alone. Spring's own topic beans would add partitions to an existing topic whenever one
 * service's setting asks for more, which moves keys to new partitions under running consumers; the
 * partition count is an operator's decision, taken once.
 */
class TopicCreator implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TopicCreator.class);

    private final KafkaAdmin admin;
    private final EventTransportProperties properties;

    TopicCreator(KafkaAdmin admin, EventTransportProperties properties) {
        this.admin = admin;
        this.properties = properties;
    }

    private NewTopic newTopic(String name, boolean compacted) {
        NewTopic topic = new NewTopic(name, properties.partitions(), properties.replicationFactor());
        return compacted
                ? topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
                : topic;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<NewTopic> wanted = Topics.ALL.stream()
                .flatMap(topic ->
                        Stream.of(newTopic(topic.name(), topic.compacted()), newTopic(topic.name() + ".dlt", false)))
                .toList();
        try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
            client.createTopics(wanted).values().forEach((name, future) -> {
                try {
                    future.get(30, TimeUnit.SECONDS);
                    log.info("created topic {} with {} partitions", name, properties.partitions());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + name, e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while creating topic " + name, e);
                } catch (TimeoutException e) {
                    throw new IllegalStateException("Kafka did not create topic " + name + " within 30 s", e);
                }
            });
        }
    }
}
