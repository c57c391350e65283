package org.herald.callback.sending;

/**
 * One callback to send.
 *
 * @param eventId the id of the event that asked for it; one callback per id, ever
 * @param kind the callback's event name, e.g. {@code message_complate}
 * @param subject what it is about, e.g. the shortCode
 * @param url the user's URL, as given
 * @param webhookId the Standard Webhooks {@code webhook-id}: the same on every attempt, no {@code .}
 * @param body the exact bytes to POST as {@code application/json}
 */
public record CallbackRequest(String eventId, String kind, String subject, String url, String webhookId, byte[] body) {}
