package org.herald.ingest.openapi;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.herald.ingest.account.Credentials;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Open-API access keys, stored hashed. */
@Repository
class AccessKeyRepository {

    private final JdbcClient jdbc;

    AccessKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new key and cuts the account's older keys down to a short overlap, as pushplus does
     * (a new key supersedes the old one, both valid for five more minutes).
     */
    void issue(UUID accountId, String accessKey, Instant expiresAt, Instant oldKeysUntil, Instant now) {
        jdbc.sql("delete from access_keys where account_id = :accountId and expires_at <= :now")
                .param("accountId", accountId)
                .param("now", utc(now))
                .update();
        jdbc.sql(
                        """
                        update access_keys set expires_at = least(expires_at, :until)
                        where account_id = :accountId
                        """)
                .param("accountId", accountId)
                .param("until", utc(oldKeysUntil))
                .update();
        jdbc.sql("insert into access_keys (key_hash, account_id, expires_at) values (:hash, :accountId, :expiresAt)")
                .param("hash", Credentials.hash(accessKey))
                .param("accountId", accountId)
                .param("expiresAt", utc(expiresAt))
                .update();
    }

    /** The account of a key that has not expired. */
    Optional<UUID> accountOf(String accessKey, Instant now) {
        return jdbc.sql("select account_id from access_keys where key_hash = :hash and expires_at > :now")
                .param("hash", Credentials.hash(accessKey))
                .param("now", utc(now))
                .query(UUID.class)
                .optional();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
