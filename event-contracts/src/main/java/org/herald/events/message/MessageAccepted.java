package org.herald.events.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A send request passed validation and is durable: published to {@code herald.messages} before
 * {@code /send} answers 200. Carries everything the dispatcher needs, and no credential: the token
 * that authorised it stays in ingest.
 *
 * @param messageId the shortCode returned to the caller (32 lowercase hex)
 * @param accountId the sending account
 * @param channel wechat, cp, webhook, mail or sms
 * @param template html, txt, json, markdown, cloudMonitor, jenkins, route or pay
 * @param title the title, empty when none was given
 * @param content the raw content as received
 * @param option the channel config code ({@code webhook}/{@code option} parameter), or null
 * @param topic the topic code for fan-out, or null
 * @param to friend tokens or WeCom user ids, empty when none
 * @param callbackUrl where {@code message_complate} goes for this message, or null
 * @param deadline the {@code timestamp} parameter: deliveries after this instant are dropped, or null
 * @param acceptedAt when ingest accepted the request
 */
public record MessageAccepted(
        String messageId,
        UUID accountId,
        String channel,
        String template,
        String title,
        String content,
        String option,
        String topic,
        List<String> to,
        String callbackUrl,
        Instant deadline,
        Instant acceptedAt) {

    public MessageAccepted {
        to = to == null ? List.of() : List.copyOf(to);
    }
}
