package org.herald.callback.sending;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code callback_events} and {@code callback_attempts}: the durable schedule and the record of every
 * attempt. A row is the callback: PENDING with its next attempt due at {@code next_attempt_at}, then
 * DELIVERED, FAILED or NOT_SENT for good.
 */
public class CallbackStore {

    public enum State {
        PENDING,
        DELIVERED,
        FAILED,
        /** Never posted: no URL, or the endpoint was disabled. */
        NOT_SENT
    }

    /** A due callback, locked by the current transaction. */
    public record Due(
            String eventId,
            String kind,
            String subject,
            UUID accountId,
            String sealedUrl,
            String webhookId,
            byte[] body,
            int attempts) {}

    /**
     * @param httpStatus null when no answer came
     * @param error why the attempt did not succeed, null when it did
     * @param responseExcerpt the start of the answer's body, null when no answer came
     */
    public record Attempt(
            String eventId,
            int attempt,
            String urlHost,
            Integer httpStatus,
            long latencyMs,
            String error,
            String responseExcerpt,
            Instant attemptedAt) {}

    private final JdbcClient jdbc;

    public CallbackStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers the callback, due now; a copy of an event already registered changes nothing. */
    public void register(CallbackRequest request, String sealedUrl, String urlHost, Instant now) {
        jdbc.sql(
                        """
                        insert into callback_events (event_id, kind, subject, url_host, state, attempts, created_at,
                                                     account_id, sealed_url, webhook_id, body, next_attempt_at)
                        values (:eventId, :kind, :subject, :urlHost, 'PENDING', 0, :now,
                                :accountId, :sealedUrl, :webhookId, :body, :now)
                        on conflict (event_id) do nothing
                        """)
                .param("eventId", request.eventId())
                .param("kind", request.kind())
                .param("subject", request.subject())
                .param("urlHost", urlHost)
                .param("now", Timestamp.from(now))
                .param("accountId", request.accountId())
                .param("sealedUrl", sealedUrl)
                .param("webhookId", request.webhookId())
                .param("body", request.body())
                .update();
    }

    /** This callback if it is due and no other worker holds it, locked until the transaction ends. */
    public Optional<Due> lockIfDue(String eventId, Instant now) {
        return jdbc.sql(
                        """
                        select * from callback_events
                        where event_id = :eventId and state = 'PENDING' and next_attempt_at <= :now
                        for update skip locked
                        """)
                .param("eventId", eventId)
                .param("now", Timestamp.from(now))
                .query(CallbackStore::due)
                .optional();
    }

    /** The callback due longest, skipping those other workers hold, locked until the transaction ends. */
    public Optional<Due> lockNextDue(Instant now) {
        return jdbc.sql(
                        """
                        select * from callback_events
                        where state = 'PENDING' and next_attempt_at <= :now
                        order by next_attempt_at
                        limit 1
                        for update skip locked
                        """)
                .param("now", Timestamp.from(now))
                .query(CallbackStore::due)
                .optional();
    }

    public void recordAttempt(Attempt attempt) {
        jdbc.sql(
                        """
                        insert into callback_attempts (event_id, attempt, url_host, http_status, latency_ms, error,
                                                       response_excerpt, attempted_at)
                        values (:eventId, :attempt, :urlHost, :httpStatus, :latencyMs, :error, :excerpt, :at)
                        """)
                .param("eventId", attempt.eventId())
                .param("attempt", attempt.attempt())
                .param("urlHost", attempt.urlHost())
                .param("httpStatus", attempt.httpStatus(), Types.INTEGER)
                .param("latencyMs", attempt.latencyMs())
                .param("error", attempt.error())
                .param("excerpt", attempt.responseExcerpt())
                .param("at", Timestamp.from(attempt.attemptedAt()))
                .update();
        jdbc.sql("update callback_events set attempts = :attempt, url_host = :urlHost where event_id = :eventId")
                .param("attempt", attempt.attempt())
                .param("urlHost", attempt.urlHost())
                .param("eventId", attempt.eventId())
                .update();
    }

    /** The next attempt is due at {@code at}; {@code outcome} says why it waits. */
    public void reschedule(String eventId, Instant at, String outcome) {
        jdbc.sql("update callback_events set next_attempt_at = :at, outcome = :outcome where event_id = :eventId")
                .param("at", Timestamp.from(at))
                .param("outcome", outcome)
                .param("eventId", eventId)
                .update();
    }

    public void finish(String eventId, State state, String outcome, Instant at) {
        jdbc.sql(
                        """
                        update callback_events
                        set state = :state, outcome = :outcome, completed_at = :at, next_attempt_at = null
                        where event_id = :eventId
                        """)
                .param("state", state.name())
                .param("outcome", outcome)
                .param("at", Timestamp.from(at))
                .param("eventId", eventId)
                .update();
    }

    private static Due due(ResultSet rs, int row) throws SQLException {
        return new Due(
                rs.getString("event_id"),
                rs.getString("kind"),
                rs.getString("subject"),
                rs.getObject("account_id", UUID.class),
                rs.getString("sealed_url"),
                rs.getString("webhook_id"),
                rs.getBytes("body"),
                rs.getInt("attempts"));
    }
}
