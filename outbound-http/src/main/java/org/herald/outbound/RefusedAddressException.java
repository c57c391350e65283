package org.herald.outbound;

import java.net.UnknownHostException;

/**
 * A host resolved to (or a socket was about to connect to) an address the {@link AddressPolicy}
 * refuses. It is an {@link UnknownHostException} because that is what OkHttp's {@code Dns} hook may
 * throw; {@link OutboundHttp} turns it into a {@link RefusedUrlException}. Anyone using the client
 * from {@link OutboundHttpClientFactory} directly must check for it before treating an unknown host
 * as a transient failure.
 */
public class RefusedAddressException extends UnknownHostException {

    private final String reason;

    public RefusedAddressException(String host, String reason) {
        super("refused host " + host + ": " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
