package org.herald.ingest.friend;

import java.time.Instant;
import java.util.UUID;
import org.herald.ingest.audience.Contacts;

/**
 * One of an account's friends. The token (32 lowercase hex) is what {@code to} names.
 *
 * @param friendAccountId the friend's own Herald account, or null for an external person
 * @param contacts completed with the friend account's own contacts where the row lacks them
 */
record Friend(
        long id,
        UUID accountId,
        String token,
        UUID friendAccountId,
        Contacts contacts,
        String nickName,
        String headImgUrl,
        String remark,
        String qrCode,
        Instant createdAt) {}
