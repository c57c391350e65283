package org.herald.ingest.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param overlap how long the previous signing secret keeps signing after a rotation */
@ConfigurationProperties("herald.callback-signing")
public record CallbackSigningProperties(Duration overlap) {

    public CallbackSigningProperties {
        overlap = overlap == null ? Duration.ofHours(24) : overlap;
    }
}
