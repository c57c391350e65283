package org.herald.gateway.limit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * An address that used an invalid token {@code threshold} times within {@code window} (ingest answered
 * 903) is refused for {@code blockFor}: someone guessing tokens, or a script with a revoked one. An
 * instance asks Redis about an address at most once per {@code recheckAfter}; a block written by
 * another instance takes effect here within that time (zero: every request asks).
 */
@ConfigurationProperties("herald.gateway.invalid-token-block")
public record InvalidTokenBlockProperties(int threshold, Duration window, Duration blockFor, Duration recheckAfter) {

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
        if (recheckAfter == null || recheckAfter.isNegative()) {
            throw new IllegalArgumentException("herald.gateway.invalid-token-block.recheck-after must not be negative");
        }
    }
}
