package org.herald.ingest.message;

import java.time.Instant;
import java.util.UUID;

/**
 * One message in the read model.
 *
 * @param status pushplus status: 0 not sent yet, 1 sending, 2 success, 3 failed
 * @param errorMessage why it failed, empty otherwise
 * @param completionPublished whether MessageCompleted has been acknowledged by the broker
 */
public record MessageRecord(
        String shortCode,
        UUID accountId,
        String channel,
        String template,
        String title,
        String content,
        String callbackUrl,
        int status,
        String errorMessage,
        Instant createdAt,
        Instant updatedAt,
        boolean completionPublished) {

    public static final int UNSENT = 0;
    public static final int SENDING = 1;
    public static final int SUCCEEDED = 2;
    public static final int FAILED = 3;
}
