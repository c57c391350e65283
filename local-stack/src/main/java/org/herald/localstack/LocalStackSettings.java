package org.herald.localstack;

import java.nio.file.Path;

/**
 * How to run the local stack.
 *
 * @param portOffset added to every documented port, so a second stack (the end-to-end test) can run
 *     beside a developer's
 * @param dataDirectory where PostgreSQL keeps its cluster and each service its log; emptied at start
 * @param servicesDirectory where the services' executable jars are
 */
public record LocalStackSettings(int portOffset, Path dataDirectory, Path servicesDirectory) {

    public int port(int documentedPort) {
        return documentedPort + portOffset;
    }
}
