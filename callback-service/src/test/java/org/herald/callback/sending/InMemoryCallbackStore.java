package org.herald.callback.sending;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The store's behaviour without a database, for the sender's unit tests. */
final class InMemoryCallbackStore implements CallbackStore {

    record Row(String kind, String subject, String urlHost, State state, int attempts, String outcome) {}

    final Map<String, Row> events = new LinkedHashMap<>();
    final List<Attempt> attempts = new ArrayList<>();

    @Override
    public Event openAndLock(String eventId, String kind, String subject, String urlHost, Instant now) {
        Row row = events.computeIfAbsent(eventId, id -> new Row(kind, subject, urlHost, State.PENDING, 0, null));
        return new Event(eventId, row.state(), row.attempts());
    }

    @Override
    public void recordAttempt(Attempt attempt) {
        attempts.add(attempt);
        Row row = events.get(attempt.eventId());
        events.put(
                attempt.eventId(),
                new Row(row.kind(), row.subject(), row.urlHost(), row.state(), attempt.attempt(), row.outcome()));
    }

    @Override
    public void finish(String eventId, State state, String outcome, Instant at) {
        Row row = events.get(eventId);
        events.put(eventId, new Row(row.kind(), row.subject(), row.urlHost(), state, row.attempts(), outcome));
    }

    @Override
    public void failIfPending(String eventId, String outcome, Instant at) {
        Row row = events.get(eventId);
        if (row != null && row.state() == State.PENDING) {
            finish(eventId, State.FAILED, outcome, at);
        }
    }
}
