package org.herald.transport;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param source the {@code ce_source} of events this service publishes, e.g. {@code /herald/ingest-service}
 * @param partitions partitions of each topic Herald creates; channel services scale up to this many instances
 * @param replicationFactor replicas of each topic; 3 in production, 1 on a single local broker
 */
@ConfigurationProperties("herald.events")
public record EventTransportProperties(
        String source, @DefaultValue("12") int partitions, @DefaultValue("1") short replicationFactor) {}
