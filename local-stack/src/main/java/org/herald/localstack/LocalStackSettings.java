package org.herald.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to run the local stack.
 *
 * @param portOffset added to every documented port, so a second stack (the end-to-end test) can run
 *     beside a developer's
 * @param dataDirectory where PostgreSQL keeps its cluster and each service its log; emptied at start
 * @param servicesDirectory where the services' executable jars are
 * @param kafkaInOwnProcess run the broker as a JVM of its own rather than in the launcher's, so a fault
 *     scenario can {@code kill -9} it and start it again on the same log directory
 * @param webhookInstances how many channel-webhook processes to run (the extra ones on the documented
 *     port + 100, + 200, …), to measure how delivery scales
 * @param serviceJvmOptions JVM options for the services; empty keeps the small start-up-first defaults
 * @param extraEnvironment added to every service's environment, over the local defaults (a benchmark
 *     lifts the gateway's rate limits this way)
 */
public record LocalStackSettings(
        int portOffset,
        Path dataDirectory,
        Path servicesDirectory,
        boolean kafkaInOwnProcess,
        int webhookInstances,
        List<String> serviceJvmOptions,
        Map<String, String> extraEnvironment) {

    public LocalStackSettings {
        if (webhookInstances < 1) {
            throw new IllegalArgumentException("webhookInstances must be at least 1: " + webhookInstances);
        }
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        extraEnvironment = Map.copyOf(extraEnvironment);
    }

    /** What {@code ./run-local} runs: the broker in the launcher, one process per service. */
    public LocalStackSettings(int portOffset, Path dataDirectory, Path servicesDirectory) {
        this(portOffset, dataDirectory, servicesDirectory, false, 1, List.of(), Map.of());
    }

    public int port(int documentedPort) {
        return documentedPort + portOffset;
    }
}
