package org.herald.outbound;

import java.io.IOException;

/**
 * Herald will not send a request to this URL: bad scheme, credentials in it, or a host that is (or
 * resolves to) an address the {@link AddressPolicy} refuses. Permanent: retrying cannot help. The
 * message names the target as scheme, host and port only, because robot URLs carry their access key
 * in the path or the query.
 */
public class RefusedUrlException extends IOException {

    private final String target;
    private final String reason;

    public RefusedUrlException(String target, String reason) {
        super("refused " + target + ": " + reason);
        this.target = target;
        this.reason = reason;
    }

    /** The refused URL, redacted to scheme, host and port. */
    public String target() {
        return target;
    }

    /** Why it was refused, without the URL. */
    public String reason() {
        return reason;
    }
}
