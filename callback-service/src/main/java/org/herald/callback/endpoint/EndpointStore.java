package org.herald.callback.endpoint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.herald.events.callback.CallbackEndpointChanged;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code callback_endpoints}: ingest's settings, materialised, plus the endpoint's health. */
public class EndpointStore {

    private final JdbcClient jdbc;

    public EndpointStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes ingest's latest settings; an older event arriving late changes nothing. A change clears
     * the disabled state: setting the URL again is how an operator re-enables an endpoint.
     */
    public void apply(CallbackEndpointChanged change) {
        List<String> secrets = change.sealedSigningSecrets();
        jdbc.sql(
                        """
                        insert into callback_endpoints (account_id, url, sealed_secret, sealed_previous_secret,
                                                        previous_secret_expires_at, changed_at)
                        values (:accountId, :url, :secret, :previous, :expires, :changedAt)
                        on conflict (account_id) do update set
                            url = excluded.url,
                            sealed_secret = excluded.sealed_secret,
                            sealed_previous_secret = excluded.sealed_previous_secret,
                            previous_secret_expires_at = excluded.previous_secret_expires_at,
                            changed_at = excluded.changed_at,
                            failing_since = null,
                            disabled_at = null,
                            disabled_reason = null
                        where callback_endpoints.changed_at <= excluded.changed_at
                        """)
                .param("accountId", change.accountId())
                .param("url", change.callbackUrl())
                .param("secret", secrets.isEmpty() ? null : secrets.get(0))
                .param("previous", secrets.size() > 1 ? secrets.get(1) : null)
                .param("expires", timestamp(change.previousSecretExpiresAt()))
                .param("changedAt", timestamp(change.changedAt() == null ? Instant.EPOCH : change.changedAt()))
                .update();
    }

    public Optional<CallbackEndpoint> find(UUID accountId) {
        if (accountId == null) {
            return Optional.empty();
        }
        return jdbc.sql("select * from callback_endpoints where account_id = :accountId")
                .param("accountId", accountId)
                .query(EndpointStore::endpoint)
                .optional();
    }

    /** A success ends the run of failures. */
    public void markHealthy(UUID accountId) {
        jdbc.sql(
                        "update callback_endpoints set failing_since = null where account_id = :accountId and failing_since is not null")
                .param("accountId", accountId)
                .update();
    }

    /** @return when the current run of failures began (now, if this is its first failure) */
    public Instant markFailing(UUID accountId, Instant now) {
        return jdbc.sql(
                        """
                        update callback_endpoints set failing_since = coalesce(failing_since, :now)
                        where account_id = :accountId
                        returning failing_since
                        """)
                .param("now", timestamp(now))
                .param("accountId", accountId)
                .query((rs, row) -> rs.getTimestamp(1).toInstant())
                .optional()
                .orElse(now);
    }

    public void disable(UUID accountId, String reason, Instant now) {
        jdbc.sql(
                        """
                        update callback_endpoints set disabled_at = :now, disabled_reason = :reason
                        where account_id = :accountId and disabled_at is null
                        """)
                .param("now", timestamp(now))
                .param("reason", reason)
                .param("accountId", accountId)
                .update();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static CallbackEndpoint endpoint(ResultSet rs, int row) throws SQLException {
        return new CallbackEndpoint(
                rs.getObject("account_id", UUID.class),
                rs.getString("url"),
                rs.getString("sealed_secret"),
                rs.getString("sealed_previous_secret"),
                instant(rs, "previous_secret_expires_at"),
                instant(rs, "changed_at"),
                instant(rs, "failing_since"),
                instant(rs, "disabled_at"),
                rs.getString("disabled_reason"));
    }
}
