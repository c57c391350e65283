package org.herald.ingest.retention;

import java.time.Instant;
import org.herald.ingest.message.MessageRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes expired messages (and, by cascade, their deliveries) in small batches, each its own
 * statement, so the purge never holds many rows locked nor builds one huge transaction.
 */
@Component
public class RetentionPurge {

    static final int BATCH = 1000;

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final MessageRepository messages;
    private final MessageRetention retention;

    RetentionPurge(MessageRepository messages, MessageRetention retention) {
        this.messages = messages;
        this.retention = retention;
    }

    @Scheduled(
            initialDelayString = "${herald.ingest.retention-purge-interval:PT1H}",
            fixedDelayString = "${herald.ingest.retention-purge-interval:PT1H}")
    void scheduled() {
        try {
            purge();
        } catch (RuntimeException e) {
            // The next run tries again; a database hiccup must not end the schedule.
            log.warn("message retention purge failed: {}", e.toString());
        }
    }

    /** @return how many messages were deleted */
    public long purge() {
        Instant cutoff = retention.cutoff();
        long total = 0;
        int deleted;
        do {
            deleted = messages.deleteOlderThan(cutoff, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("purged {} messages created before {}", total, cutoff);
        }
        return total;
    }
}
