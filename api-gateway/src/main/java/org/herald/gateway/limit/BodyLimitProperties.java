package org.herald.gateway.limit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The largest request body, in bytes, the gateway passes on to a backend. */
@ConfigurationProperties("herald.gateway")
public record BodyLimitProperties(long maxBodyBytes) {

    public BodyLimitProperties {
        if (maxBodyBytes <= 0 || maxBodyBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("herald.gateway.max-body-bytes must be between 1 and 2^31-1");
        }
    }
}
