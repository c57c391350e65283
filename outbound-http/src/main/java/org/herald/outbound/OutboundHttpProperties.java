package org.herald.outbound;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Herald talks to user-supplied URLs.
 *
 * @param allowPrivateNetworks let requests reach loopback and private networks; only for the local
 *     stack and tests, where the sandbox listens on loopback. Cloud metadata endpoints stay refused.
 * @param connectTimeout time to establish a connection
 * @param readTimeout time between two reads (and writes) on the connection
 * @param callTimeout the whole call: resolving, connecting, sending, reading the answer
 * @param maxResponseBytes the most of a response body that is read
 * @param maxIdleConnections connections kept open for reuse, over all hosts: as many as the calls a
 *     service makes at once, or the ones beyond it are closed after each call and the next call to
 *     that host pays a new connection (and TLS handshake) again
 */
@ConfigurationProperties("herald.outbound")
public record OutboundHttpProperties(
        @DefaultValue("false") boolean allowPrivateNetworks,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("15s") Duration callTimeout,
        @DefaultValue("65536") int maxResponseBytes,
        @DefaultValue("64") int maxIdleConnections) {

    public OutboundHttpProperties {
        requirePositive(connectTimeout, "connect-timeout");
        requirePositive(readTimeout, "read-timeout");
        requirePositive(callTimeout, "call-timeout");
        if (maxResponseBytes <= 0) {
            throw new IllegalArgumentException("herald.outbound.max-response-bytes must be positive");
        }
        if (maxIdleConnections < 0) {
            throw new IllegalArgumentException("herald.outbound.max-idle-connections must not be negative");
        }
    }

    /** The defaults above, with the given private-network setting. */
    public static OutboundHttpProperties defaults(boolean allowPrivateNetworks) {
        return new OutboundHttpProperties(
                allowPrivateNetworks, Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(15), 65536, 64);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("herald.outbound." + name + " must be positive");
        }
    }
}
