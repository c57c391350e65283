package org.herald.events.message;

import java.time.Instant;
import java.util.UUID;

/**
 * Every delivery of a message reached a final state. Published once per message on
 * {@code herald.messages.completed}; a redelivered copy carries the same values.
 *
 * @param messageId the shortCode
 * @param accountId the sending account
 * @param sendStatus the pushplus status: 2 success, 3 failed
 * @param message the error text shown to the user, empty on success
 * @param delivered how many deliveries succeeded
 * @param failed how many deliveries failed or expired
 * @param callbackUrl the URL {@code message_complate} is posted to, or null when neither the message
 *     nor the account names one
 * @param completedAt when the last delivery reached its final state
 */
public record MessageCompleted(
        String messageId,
        UUID accountId,
        int sendStatus,
        String message,
        int delivered,
        int failed,
        String callbackUrl,
        Instant completedAt) {}
