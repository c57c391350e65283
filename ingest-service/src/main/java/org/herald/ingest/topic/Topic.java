package org.herald.ingest.topic;

import java.time.Instant;
import java.util.UUID;

/** A topic (群组): the owner sends to every active subscriber with {@code topic=<topicCode>}. */
record Topic(
        long id,
        UUID accountId,
        String code,
        String name,
        String contact,
        String introduction,
        String receiptMessage,
        Instant createdAt) {}
