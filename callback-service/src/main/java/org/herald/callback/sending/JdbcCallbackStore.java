package org.herald.callback.sending;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link CallbackStore} in PostgreSQL. */
final class JdbcCallbackStore implements CallbackStore {

    private final JdbcClient jdbc;

    JdbcCallbackStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Event openAndLock(String eventId, String kind, String subject, String urlHost, Instant now) {
        jdbc.sql(
                        """
                        insert into callback_events (event_id, kind, subject, url_host, state, attempts, created_at)
                        values (:eventId, :kind, :subject, :urlHost, 'PENDING', 0, :now)
                        on conflict (event_id) do nothing
                        """)
                .param("eventId", eventId)
                .param("kind", kind)
                .param("subject", subject)
                .param("urlHost", urlHost)
                .param("now", Timestamp.from(now))
                .update();
        return jdbc.sql("select state, attempts from callback_events where event_id = :eventId for update")
                .param("eventId", eventId)
                .query((row, number) ->
                        new Event(eventId, State.valueOf(row.getString("state")), row.getInt("attempts")))
                .single();
    }

    @Override
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
                .param("httpStatus", attempt.httpStatus(), java.sql.Types.INTEGER)
                .param("latencyMs", attempt.latencyMs())
                .param("error", attempt.error())
                .param("excerpt", attempt.responseExcerpt())
                .param("at", Timestamp.from(attempt.attemptedAt()))
                .update();
        jdbc.sql("update callback_events set attempts = :attempt where event_id = :eventId")
                .param("attempt", attempt.attempt())
                .param("eventId", attempt.eventId())
                .update();
    }

    @Override
    public void finish(String eventId, State state, String outcome, Instant at) {
        jdbc.sql(
                        "update callback_events set state = :state, outcome = :outcome, completed_at = :at where event_id = :eventId")
                .param("state", state.name())
                .param("outcome", outcome)
                .param("at", Timestamp.from(at))
                .param("eventId", eventId)
                .update();
    }

    @Override
    public void failIfPending(String eventId, String outcome, Instant at) {
        jdbc.sql(
                        """
                        update callback_events set state = 'FAILED', outcome = :outcome, completed_at = :at
                        where event_id = :eventId and state = 'PENDING'
                        """)
                .param("outcome", outcome)
                .param("at", Timestamp.from(at))
                .param("eventId", eventId)
                .update();
    }
}
