package org.herald.callback.sending;

import java.time.Instant;

/** The record of callbacks and their attempts. */
public interface CallbackStore {

    enum State {
        PENDING,
        DELIVERED,
        FAILED;

        boolean isFinal() {
            return this != PENDING;
        }
    }

    /** Where an event stands. */
    record Event(String eventId, State state, int attempts) {}

    /**
     * @param httpStatus null when no answer came
     * @param error why the attempt did not succeed, null when it did
     * @param responseExcerpt the start of the answer's body, null when no answer came
     */
    record Attempt(
            String eventId,
            int attempt,
            String urlHost,
            Integer httpStatus,
            long latencyMs,
            String error,
            String responseExcerpt,
            Instant attemptedAt) {}

    /**
     * Registers the event if it is new, and holds it until the surrounding transaction ends, so a
     * second copy of the event waits and then sees the first one's result.
     */
    Event openAndLock(String eventId, String kind, String subject, String urlHost, Instant now);

    void recordAttempt(Attempt attempt);

    void finish(String eventId, State state, String outcome, Instant at);

    /** Records a final FAILED unless the event already reached a final state. */
    void failIfPending(String eventId, String outcome, Instant at);
}
