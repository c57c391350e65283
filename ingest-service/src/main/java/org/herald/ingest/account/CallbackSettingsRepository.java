package org.herald.ingest.account;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account's callback URL (on {@code accounts}) and its sealed signing secrets. */
@Repository
class CallbackSettingsRepository {

    /** The sealed secrets; {@code previous} signs until {@code previousExpiresAt}. */
    record Secrets(String current, String previous, Instant previousExpiresAt) {}

    private final JdbcClient jdbc;

    CallbackSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean setUrl(UUID accountId, String url) {
        return jdbc.sql("update accounts set callback_url = :url where id = :id")
                        .param("url", url)
                        .param("id", accountId)
                        .update()
                == 1;
    }

    Optional<Secrets> secrets(UUID accountId) {
        return jdbc.sql("select * from account_callback_secrets where account_id = :id")
                .param("id", accountId)
                .query((rs, row) -> {
                    OffsetDateTime expires = rs.getObject("previous_expires_at", OffsetDateTime.class);
                    return new Secrets(
                            rs.getString("sealed_secret"),
                            rs.getString("sealed_previous_secret"),
                            expires == null ? null : expires.toInstant());
                })
                .optional();
    }

    void saveSecrets(UUID accountId, Secrets secrets, Instant now) {
        jdbc.sql(
                        """
                        insert into account_callback_secrets (account_id, sealed_secret, sealed_previous_secret,
                                                              previous_expires_at, updated_at)
                        values (:id, :current, :previous, :expires, :now)
                        on conflict (account_id) do update set
                            sealed_secret = excluded.sealed_secret,
                            sealed_previous_secret = excluded.sealed_previous_secret,
                            previous_expires_at = excluded.previous_expires_at,
                            updated_at = excluded.updated_at
                        """)
                .param("id", accountId)
                .param("current", secrets.current())
                .param("previous", secrets.previous())
                .param("expires", AccountRepository.utc(secrets.previousExpiresAt()))
                .param("now", AccountRepository.utc(now))
                .update();
    }
}
