package org.herald.gateway;

import java.net.http.HttpClient;
import org.herald.testservers.RealServers;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A running gateway with a real Redis in front of a loopback stand-in for ingest that records what
 * reaches it. The stand-in lives as long as the test JVM and is emptied before each test.
 */
abstract class IngestBackedGatewayTest {

    static final RecordingBackend ingest = RecordingBackend.start("ingest");

    final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void ingestBackend(DynamicPropertyRegistry registry) {
        registry.add("INGEST_URL", ingest::url);
        RealServers.registerRedis(registry);
    }

    @BeforeEach
    void forgetEarlierRequests() {
        ingest.clear();
    }
}
