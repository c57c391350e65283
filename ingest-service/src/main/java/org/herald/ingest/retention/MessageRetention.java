package org.herald.ingest.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.herald.ingest.IngestProperties;
import org.springframework.stereotype.Component;

/**
 * How long messages stay readable. Readers ask for {@link #cutoff()} instead of relying on the purge,
 * which runs only now and then: an expired message must be gone the moment it expires.
 */
@Component
public class MessageRetention {

    private final Duration retention;
    private final Clock clock;

    public MessageRetention(IngestProperties properties, Clock clock) {
        if (properties.retention().isNegative() || properties.retention().isZero()) {
            throw new IllegalStateException("herald.ingest.retention must be positive, was " + properties.retention());
        }
        this.retention = properties.retention();
        this.clock = clock;
    }

    /** Messages created before this instant are expired. */
    public Instant cutoff() {
        return clock.instant().minus(retention);
    }

    public Duration retention() {
        return retention;
    }
}
