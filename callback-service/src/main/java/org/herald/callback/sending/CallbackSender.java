package org.herald.callback.sending;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import org.herald.callback.sending.CallbackOutcome.Kind;
import org.herald.callback.sending.CallbackStore.State;
import org.herald.outbound.OutboundHttp;
import org.herald.outbound.OutboundResponse;
import org.herald.outbound.RefusedUrlException;
import org.herald.outbound.UrlGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Sends a callback at most until it succeeds once: the event's row is held locked while its attempt
 * runs, so two copies of one event cannot post at the same time, and a copy arriving after a final
 * outcome posts nothing. Every attempt is recorded with its status, latency and the start of the
 * answer.
 *
 * <p>Failures of the database are not caught: they roll the attempt back and propagate, so the
 * listener retries in place.
 */
public final class CallbackSender {

    static final int EXCERPT_BYTES = 1024;

    private static final Logger log = LoggerFactory.getLogger(CallbackSender.class);

    private final OutboundHttp http;
    private final CallbackStore store;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final int maxAttempts;

    public CallbackSender(
            OutboundHttp http, CallbackStore store, TransactionOperations transactions, Clock clock, int maxAttempts) {
        this.http = http;
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    /**
     * Sends {@code request}; {@code deliveryAttempt} counts this event's attempts on Kafka (1 for the
     * first) and decides when to give up.
     */
    public CallbackOutcome send(CallbackRequest request, int deliveryAttempt) {
        return transactions.execute(transaction -> sendLocked(request, deliveryAttempt));
    }

    /** Records a final FAILED for an event that stopped for a reason of Herald's own. */
    public void abandon(String eventId, String reason) {
        transactions.executeWithoutResult(transaction -> store.failIfPending(eventId, reason, clock.instant()));
    }

    private CallbackOutcome sendLocked(CallbackRequest request, int deliveryAttempt) {
        String host = host(request.url());
        CallbackStore.Event event =
                store.openAndLock(request.eventId(), request.kind(), request.subject(), host, clock.instant());
        if (event.state().isFinal()) {
            log.info("callback for event {} is {} already; not sending it again", request.eventId(), event.state());
            return CallbackOutcome.of(Kind.ALREADY_FINAL, null);
        }
        int attempt = event.attempts() + 1;
        Instant started = clock.instant();
        long startedNanos = System.nanoTime();
        Result result = post(request, started);
        long latencyMs = (System.nanoTime() - startedNanos) / 1_000_000;
        store.recordAttempt(new CallbackStore.Attempt(
                request.eventId(),
                attempt,
                host,
                result.status(),
                latencyMs,
                storable(result.verdict().reason()),
                storable(result.excerpt()),
                started));
        log.info(
                "callback {} for event {} attempt {} to {}: {}",
                request.kind(),
                request.eventId(),
                attempt,
                UrlGuard.redact(request.url()),
                result.verdict().reason() == null
                        ? "delivered"
                        : result.verdict().reason());
        Instant now = clock.instant();
        return switch (result.verdict().kind()) {
            case DELIVERED -> {
                store.finish(request.eventId(), State.DELIVERED, "delivered on attempt " + attempt, now);
                yield CallbackOutcome.of(Kind.DELIVERED, null);
            }
            case PERMANENT -> {
                store.finish(request.eventId(), State.FAILED, result.verdict().reason(), now);
                yield CallbackOutcome.of(Kind.FAILED, result.verdict().reason());
            }
            case RETRY -> {
                if (deliveryAttempt >= maxAttempts) {
                    String reason = result.verdict().reason() + "; gave up after " + attempt + " attempts";
                    store.finish(request.eventId(), State.FAILED, reason, now);
                    yield CallbackOutcome.of(Kind.GAVE_UP, reason);
                }
                yield CallbackOutcome.of(Kind.RETRY_LATER, result.verdict().reason());
            }
        };
    }

    private record Result(AttemptVerdict verdict, Integer status, String excerpt) {}

    private Result post(CallbackRequest request, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", request.webhookId());
        headers.put("webhook-timestamp", Long.toString(now.getEpochSecond()));
        try {
            OutboundResponse response = http.post(request.url(), headers, request.body(), "application/json");
            return new Result(AttemptVerdict.of(response), response.status(), response.bodyText(EXCERPT_BYTES));
        } catch (RefusedUrlException e) {
            // Its message names the target as scheme, host and port only.
            return new Result(AttemptVerdict.permanent(e.getMessage()), null, null);
        } catch (InterruptedIOException e) {
            return new Result(
                    AttemptVerdict.retry("no answer in time (" + e.getClass().getSimpleName() + ")"), null, null);
        } catch (IOException e) {
            // Messages of network errors can carry addresses; the exception type says enough.
            return new Result(
                    AttemptVerdict.retry("network error (" + e.getClass().getSimpleName() + ")"), null, null);
        }
    }

    private static String host(String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
        return parsed == null ? null : parsed.host();
    }

    /** PostgreSQL text cannot hold NUL; a receiver's answer may contain any byte. */
    static String storable(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }
}
