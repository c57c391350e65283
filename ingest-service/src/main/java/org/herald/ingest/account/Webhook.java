package org.herald.ingest.account;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A webhook channel configuration of an account.
 *
 * @param code the code requests name in {@code webhook}/{@code option}
 * @param type the pushplus webhookType ({@link WebhookType})
 * @param sealedUrl the target URL, sealed: robot URLs carry their access key, so it is kept sealed at
 *     rest as on Kafka
 * @param sealedSecret the signing secret (DingTalk, Feishu, Lark) or the custom headers as a JSON
 *     object (CUSTOM), sealed; null when there is none
 * @param attributes non-secret settings: {@code keyword} (DingTalk), {@code method}, {@code body},
 *     {@code contentType} (CUSTOM)
 */
public record Webhook(
        long id,
        UUID accountId,
        String code,
        String name,
        int type,
        String sealedUrl,
        String sealedSecret,
        Map<String, String> attributes,
        Instant createdAt) {

    public Webhook {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** A webhook of a type that needs nothing but its URL. */
    public Webhook(long id, UUID accountId, String code, String name, int type, String sealedUrl, Instant createdAt) {
        this(id, accountId, code, name, type, sealedUrl, null, Map.of(), createdAt);
    }

    @Override
    public String toString() {
        return "Webhook[" + code + ", type " + type + ", url=<sealed>, secret=<sealed>]";
    }
}
