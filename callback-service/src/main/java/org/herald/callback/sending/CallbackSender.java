package org.herald.callback.sending;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.herald.callback.endpoint.CallbackEndpoint;
import org.herald.callback.endpoint.EndpointStore;
import org.herald.callback.sending.CallbackMetrics.Outcome;
import org.herald.callback.sending.CallbackStore.State;
import org.herald.callback.signing.WebhookSignature;
import org.herald.outbound.OutboundHttp;
import org.herald.outbound.OutboundResponse;
import org.herald.outbound.RefusedUrlException;
import org.herald.outbound.UrlGuard;
import org.herald.sealing.SealedValueException;
import org.herald.sealing.SecretSealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Sends callbacks until each succeeds once. A callback is a row in {@code callback_events}: it is
 * registered once per event id, attempted at once, and, if that fails, again when its next attempt
 * falls due ({@link DuePoller}). The row is held with {@code FOR UPDATE SKIP LOCKED} while its
 * attempt runs, so two workers (threads, instances, a restarted service) never post it at the same
 * time, and a final row is never posted again.
 *
 * <p>Failures of the database are not caught: they roll the attempt back and propagate.
 */
public final class CallbackSender {

    static final int EXCERPT_BYTES = 1024;

    private static final Logger log = LoggerFactory.getLogger(CallbackSender.class);

    private final OutboundHttp http;
    private final CallbackStore store;
    private final EndpointStore endpoints;
    private final SecretSealer sealer;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final RetryPlan plan;
    private final EndpointBreakers breakers;
    private final CallbackMetrics metrics;
    private final Duration disableAfter;

    public CallbackSender(
            OutboundHttp http,
            CallbackStore store,
            EndpointStore endpoints,
            SecretSealer sealer,
            TransactionOperations transactions,
            Clock clock,
            RetryPlan plan,
            EndpointBreakers breakers,
            CallbackMetrics metrics,
            Duration disableAfter) {
        this.http = http;
        this.store = store;
        this.endpoints = endpoints;
        this.sealer = sealer;
        this.transactions = transactions;
        this.clock = clock;
        this.plan = plan;
        this.breakers = breakers;
        this.metrics = metrics;
        this.disableAfter = disableAfter;
    }

    /**
     * Registers the callback (once per event id) and tries it at once. When this returns, the
     * callback is durable: the caller may commit its Kafka offset.
     */
    public void accept(CallbackRequest request) {
        String sealedUrl = request.url() == null ? null : sealer.seal(request.url());
        transactions.executeWithoutResult(
                transaction -> store.register(request, sealedUrl, host(request.url()), clock.instant()));
        attemptIfDue(request.eventId());
    }

    /** Attempts this callback if it is due and no other worker holds it. */
    public void attemptIfDue(String eventId) {
        transactions.executeWithoutResult(
                transaction -> store.lockIfDue(eventId, clock.instant()).ifPresent(this::attempt));
    }

    /** Attempts the callback due longest, if any. @return false when none was due */
    public boolean attemptNextDue() {
        Boolean attempted = transactions.execute(transaction -> store.lockNextDue(clock.instant())
                .map(due -> {
                    attempt(due);
                    return true;
                })
                .orElse(false));
        return Boolean.TRUE.equals(attempted);
    }

    private void attempt(CallbackStore.Due due) {
        Instant now = clock.instant();
        Optional<CallbackEndpoint> endpoint = endpoints.find(due.accountId());
        String url;
        List<String> secrets;
        try {
            url = due.sealedUrl() != null
                    ? sealer.open(due.sealedUrl())
                    : endpoint.map(CallbackEndpoint::url).orElse(null);
            secrets = endpoint.map(found -> found.sealedSecretsAt(now)).orElse(List.of()).stream()
                    .map(sealer::open)
                    .toList();
        } catch (SealedValueException e) {
            // Retrying cannot help, and sending unsigned what should be signed would be wrong.
            store.finish(
                    due.eventId(),
                    State.FAILED,
                    "a sealed URL or signing secret cannot be opened: HERALD_SEALING_KEY differs from ingest's",
                    now);
            metrics.count(due.kind(), Outcome.FAILED);
            log.error(
                    "callback {} for event {}: cannot open its sealed values ({})",
                    due.kind(),
                    due.eventId(),
                    e.getMessage());
            return;
        }
        if (url == null || url.isBlank()) {
            notSent(due, "the account has no callback URL", now);
            return;
        }
        boolean accountEndpoint =
                endpoint.isPresent() && url.equals(endpoint.get().url());
        if (accountEndpoint && endpoint.get().disabled()) {
            notSent(due, "callback endpoint disabled: " + endpoint.get().disabledReason(), now);
            return;
        }
        CircuitBreaker breaker = breakers.of(url);
        if (!breaker.tryAcquirePermission()) {
            store.reschedule(
                    due.eventId(),
                    now.plus(breakers.openFor()),
                    "circuit breaker open for " + host(url) + "; postponed without an attempt");
            metrics.count(due.kind(), Outcome.DEFERRED);
            return;
        }
        int attempt = due.attempts() + 1;
        long startedNanos = System.nanoTime();
        Result result = post(url, due, secrets, now);
        long latencyNanos = System.nanoTime() - startedNanos;
        AttemptVerdict verdict = result.verdict();
        switch (verdict.kind()) {
            case DELIVERED -> breaker.onSuccess(latencyNanos, TimeUnit.NANOSECONDS);
            // A refused URL says nothing about the receiver's health.
            case PERMANENT -> breaker.releasePermission();
            default -> breaker.onError(latencyNanos, TimeUnit.NANOSECONDS, new ReceiverFailure(verdict.reason()));
        }
        store.recordAttempt(new CallbackStore.Attempt(
                due.eventId(),
                attempt,
                host(url),
                result.status(),
                latencyNanos / 1_000_000,
                storable(verdict.reason()),
                storable(result.excerpt()),
                now));
        log.info(
                "callback {} for event {} attempt {} to {}: {}",
                due.kind(),
                due.eventId(),
                attempt,
                UrlGuard.redact(url),
                verdict.reason() == null ? "delivered" : verdict.reason());
        Instant after = clock.instant();
        switch (verdict.kind()) {
            case DELIVERED -> {
                if (result.excerpt() != null && !result.excerpt().contains("\"code\":200")) {
                    // pushplus receivers answer {"code":200,...}; any 2xx counts, but note the difference.
                    log.info(
                            "callback {} delivered; the receiver did not answer pushplus-style (code 200)",
                            due.eventId());
                }
                if (accountEndpoint) {
                    endpoints.markHealthy(due.accountId());
                }
                store.finish(due.eventId(), State.DELIVERED, "delivered on attempt " + attempt, after);
                metrics.count(due.kind(), Outcome.DELIVERED);
            }
            case GONE -> {
                if (accountEndpoint) {
                    endpoints.disable(due.accountId(), verdict.reason(), after);
                    log.warn("callback endpoint of account {} disabled: {}", due.accountId(), verdict.reason());
                }
                store.finish(due.eventId(), State.FAILED, verdict.reason(), after);
                metrics.count(due.kind(), Outcome.FAILED);
            }
            case PERMANENT -> {
                store.finish(due.eventId(), State.FAILED, verdict.reason(), after);
                metrics.count(due.kind(), Outcome.FAILED);
            }
            case RETRY -> retryOrGiveUp(due, attempt, verdict, accountEndpoint, after);
        }
    }

    private void retryOrGiveUp(
            CallbackStore.Due due, int attempt, AttemptVerdict verdict, boolean accountEndpoint, Instant now) {
        if (accountEndpoint) {
            Instant failingSince = endpoints.markFailing(due.accountId(), now);
            if (Duration.between(failingSince, now).compareTo(disableAfter) >= 0) {
                String reason =
                        "failing without a success since " + failingSince + " (longer than " + disableAfter + ")";
                endpoints.disable(due.accountId(), reason, now);
                log.warn("callback endpoint of account {} disabled: {}", due.accountId(), reason);
                store.finish(due.eventId(), State.FAILED, verdict.reason() + "; endpoint disabled: " + reason, now);
                metrics.count(due.kind(), Outcome.FAILED);
                return;
            }
        }
        if (attempt >= plan.attempts()) {
            store.finish(
                    due.eventId(), State.FAILED, verdict.reason() + "; gave up after " + attempt + " attempts", now);
            metrics.count(due.kind(), Outcome.FAILED);
            log.warn("callback {} for event {} dead: gave up after {} attempts", due.kind(), due.eventId(), attempt);
            return;
        }
        Instant next = now.plus(plan.delayAfter(attempt, verdict.retryAfter()));
        store.reschedule(due.eventId(), next, verdict.reason() + "; attempt " + (attempt + 1) + " at " + next);
        metrics.count(due.kind(), Outcome.RETRY);
    }

    private void notSent(CallbackStore.Due due, String reason, Instant now) {
        store.finish(due.eventId(), State.NOT_SENT, reason, now);
        metrics.count(due.kind(), Outcome.NOT_SENT);
        log.info("callback {} for event {} not sent: {}", due.kind(), due.eventId(), reason);
    }

    private record Result(AttemptVerdict verdict, Integer status, String excerpt) {}

    private Result post(String url, CallbackStore.Due due, List<String> secrets, Instant now) {
        long timestamp = now.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", due.webhookId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        String signature = WebhookSignature.header(secrets, due.webhookId(), timestamp, due.body());
        if (signature != null) {
            headers.put("webhook-signature", signature);
        }
        try {
            OutboundResponse response = http.post(url, headers, due.body(), "application/json");
            return new Result(
                    AttemptVerdict.of(response, clock.instant()), response.status(), response.bodyText(EXCERPT_BYTES));
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

    static String host(String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
        return parsed == null ? null : parsed.host();
    }

    /** PostgreSQL text cannot hold NUL; a receiver's answer may contain any byte. */
    static String storable(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }

    /** What the circuit breaker counts as a failure; carries no stack trace. */
    private static final class ReceiverFailure extends RuntimeException {
        ReceiverFailure(String reason) {
            super(reason, null, false, false);
        }
    }
}
