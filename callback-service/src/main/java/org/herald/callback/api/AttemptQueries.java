package org.herald.callback.api;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads callbacks and their attempts for the API; never a URL beyond its host, never a secret. */
@Component
class AttemptQueries {

    private final JdbcClient jdbc;

    AttemptQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Map<String, Object>> byShortCode(String shortCode) {
        List<Map<String, Object>> events = jdbc.sql(
                        "select * from callback_events where kind = 'message_complate' and subject = :subject")
                .param("subject", shortCode)
                .query(AttemptQueries::event)
                .list();
        return withAttempts(events);
    }

    long countByAccount(UUID accountId) {
        return jdbc.sql("select count(*) from callback_events where account_id = :accountId")
                .param("accountId", accountId)
                .query(Long.class)
                .single();
    }

    List<Map<String, Object>> byAccount(UUID accountId, int page, int pageSize) {
        List<Map<String, Object>> events = jdbc.sql(
                        """
                        select * from callback_events where account_id = :accountId
                        order by created_at desc, event_id
                        limit :limit offset :offset
                        """)
                .param("accountId", accountId)
                .param("limit", pageSize)
                .param("offset", (long) (page - 1) * pageSize)
                .query(AttemptQueries::event)
                .list();
        return withAttempts(events);
    }

    Map<String, Object> endpoint(UUID accountId) {
        return jdbc.sql("select * from callback_endpoints where account_id = :accountId")
                .param("accountId", accountId)
                .query((rs, row) -> {
                    Map<String, Object> endpoint = new LinkedHashMap<>();
                    endpoint.put("accountId", accountId.toString());
                    endpoint.put("callbackUrl", rs.getString("url") == null ? null : redact(rs.getString("url")));
                    boolean disabled = rs.getTimestamp("disabled_at") != null;
                    endpoint.put("state", rs.getString("url") == null ? "NONE" : disabled ? "DISABLED" : "ENABLED");
                    endpoint.put("signed", rs.getString("sealed_secret") != null);
                    endpoint.put("failingSince", time(rs, "failing_since"));
                    endpoint.put("disabledAt", time(rs, "disabled_at"));
                    endpoint.put("disabledReason", rs.getString("disabled_reason"));
                    endpoint.put("changedAt", time(rs, "changed_at"));
                    return endpoint;
                })
                .optional()
                .orElse(null);
    }

    private List<Map<String, Object>> withAttempts(List<Map<String, Object>> events) {
        for (Map<String, Object> event : events) {
            event.put(
                    "attempts",
                    jdbc.sql("select * from callback_attempts where event_id = :eventId order by attempt")
                            .param("eventId", event.get("eventId"))
                            .query(AttemptQueries::attempt)
                            .list());
        }
        return events;
    }

    private static Map<String, Object> event(ResultSet rs, int row) throws SQLException {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", rs.getString("event_id"));
        event.put("event", rs.getString("kind"));
        event.put("subject", rs.getString("subject"));
        UUID accountId = rs.getObject("account_id", UUID.class);
        event.put("accountId", accountId == null ? null : accountId.toString());
        event.put("webhookId", rs.getString("webhook_id"));
        event.put("endpointHost", rs.getString("url_host"));
        event.put("state", rs.getString("state"));
        event.put("attemptCount", rs.getInt("attempts"));
        event.put("outcome", rs.getString("outcome"));
        event.put("nextAttemptAt", time(rs, "next_attempt_at"));
        event.put("createdAt", time(rs, "created_at"));
        event.put("completedAt", time(rs, "completed_at"));
        return event;
    }

    private static Map<String, Object> attempt(ResultSet rs, int row) throws SQLException {
        Map<String, Object> attempt = new LinkedHashMap<>();
        attempt.put("attempt", rs.getInt("attempt"));
        attempt.put("endpointHost", rs.getString("url_host"));
        attempt.put("httpStatus", rs.getObject("http_status"));
        attempt.put("latencyMs", rs.getLong("latency_ms"));
        attempt.put("response", rs.getString("response_excerpt"));
        attempt.put("error", rs.getString("error"));
        attempt.put("attemptedAt", time(rs, "attempted_at"));
        return attempt;
    }

    private static String time(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant().toString();
    }

    /** Scheme, host, port and path: the query may hold the receiver's key. */
    private static String redact(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
    }
}
