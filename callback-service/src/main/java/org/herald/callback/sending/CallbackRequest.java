package org.herald.callback.sending;

import java.util.UUID;

/**
 * One callback to send.
 *
 * @param eventId the id of the event that asked for it; one callback per id, ever
 * @param kind the callback's event name, e.g. {@code message_complate}
 * @param subject what it is about: the shortCode, the topic code, the friend id
 * @param accountId the account whose endpoint and signing secrets apply
 * @param url the message's own URL, or null for the account's callback URL (looked up at each attempt)
 * @param webhookId the Standard Webhooks {@code webhook-id}: the same on every attempt, no {@code .}
 * @param body the exact bytes to POST as {@code application/json}
 */
public record CallbackRequest(
        String eventId, String kind, String subject, UUID accountId, String url, String webhookId, byte[] body) {}
