package org.herald.ingest.account;

import java.time.Instant;
import java.util.UUID;

/**
 * A webhook channel configuration of an account.
 *
 * @param code the code requests name in {@code webhook}/{@code option}
 * @param type the pushplus webhookType (7 HiFlow, 9 集简云)
 * @param sealedUrl the target URL, sealed: robot URLs carry their access key, so it is kept sealed at
 *     rest as on Kafka
 */
public record Webhook(
        long id, UUID accountId, String code, String name, int type, String sealedUrl, Instant createdAt) {}
