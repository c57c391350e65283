package org.herald.gateway.limit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * An address that used an invalid token {@code threshold} times within {@code window} (ingest answered
 * 903) is refused for {@code blockFor}: someone guessing tokens, or a script with a revoked one.
 */
@ConfigurationProperties("herald.gateway.invalid-token-block")
public record InvalidTokenBlockProperties(int threshold, Duration window, Duration blockFor) {

    public InvalidTokenBlockProperties {
        if (threshold < 1) {
            throw new IllegalArgumentException("herald.gateway.invalid-token-block.threshold must be at least 1");
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("herald.gateway.invalid-token-block.window must be positive");
        }
        if (blockFor == null || blockFor.isNegative() || blockFor.isZero()) {
            throw new IllegalArgumentException("herald.gateway.invalid-token-block.block-for must be positive");
        }
    }
}
