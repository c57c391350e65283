package org.herald.channel.webhook.delivery;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.herald.channel.webhook.delivery.DeliveryOutcome.Kind;
import org.herald.channel.webhook.isolation.HostIsolation;
import org.herald.channel.webhook.isolation.IsolationProperties;
import org.herald.channel.webhook.ratelimit.RateLimit;
import org.herald.channel.webhook.ratelimit.RateLimited;
import org.herald.channel.webhook.ratelimit.RateLimiter;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.events.delivery.DeliveryState;
import org.herald.events.delivery.DeliveryTarget;
import org.herald.outbound.OutboundHttp;
import org.herald.outbound.OutboundResponse;
import org.herald.outbound.RefusedUrlException;
import org.herald.outbound.UrlGuard;
import org.herald.sealing.SealedValueException;
import org.herald.sealing.SecretSealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one request to one webhook: skips what was already delivered, drops what expired, opens
 * the sealed URL, posts the target's body through the guarded client and reports each step.
 *
 * <p>Failures from Herald's own infrastructure (Redis, Kafka) are not caught here: they propagate so
 * the listener retries in place, because no later request could succeed either.
 */
public final class WebhookDeliveryService {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryService.class);

    private final WebhookFormats formats;
    private final SecretSealer sealer;
    private final OutboundHttp http;
    private final DeliveredLedger ledger;
    private final StatusReporter status;
    private final Clock clock;
    private final int maxAttempts;
    private final RateLimiter limiter;
    private final HostIsolation isolation;
    private final Duration maxInPlaceWait;
    private final Sleeper sleeper;

    /** Waits in place for a rate-limit slot; a seam so tests need not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Without rate limits, and with isolation defaults: for tests of the plain path. */
    public WebhookDeliveryService(
            WebhookFormats formats,
            SecretSealer sealer,
            OutboundHttp http,
            DeliveredLedger ledger,
            StatusReporter status,
            Clock clock,
            int maxAttempts) {
        this(
                formats,
                sealer,
                http,
                ledger,
                status,
                clock,
                maxAttempts,
                (limit, member) -> Duration.ZERO,
                new HostIsolation(
                        new IsolationProperties(4, Duration.ofSeconds(2), 50, 10, 20, Duration.ofSeconds(30))),
                Duration.ZERO,
                duration -> Thread.sleep(duration.toMillis()));
    }

    /**
     * @param limiter keeps each target's rate limit, shared by all instances
     * @param isolation circuit breaker and bulkhead per host
     * @param maxInPlaceWait a rate-limit wait up to this long happens in place; a longer one defers the
     *     request to the delay topic so its partition goes on
     */
    public WebhookDeliveryService(
            WebhookFormats formats,
            SecretSealer sealer,
            OutboundHttp http,
            DeliveredLedger ledger,
            StatusReporter status,
            Clock clock,
            int maxAttempts,
            RateLimiter limiter,
            HostIsolation isolation,
            Duration maxInPlaceWait,
            Sleeper sleeper) {
        this.formats = formats;
        this.sealer = sealer;
        this.http = http;
        this.ledger = ledger;
        this.status = status;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.limiter = limiter;
        this.isolation = isolation;
        this.maxInPlaceWait = maxInPlaceWait;
        this.sleeper = sleeper;
    }

    /**
     * Handles attempt {@code attempt} (1 for the first) of a delivery.
     *
     * @return {@link Kind#RETRY_LATER} when the caller must schedule another attempt,
     *     {@link Kind#GAVE_UP} when the last attempt failed transiently (already reported FAILED); a
     *     delivered request's status may still be on its way ({@link DeliveryOutcome#reported})
     */
    public DeliveryOutcome deliver(DeliveryRequested request, int attempt) {
        String deliveryId = request.deliveryId();
        if (ledger.isDelivered(deliveryId)) {
            log.info("delivery {} was delivered before; not posting it again", deliveryId);
            // Its DELIVERED status may be what did not get through (the broker went away right after
            // the post): reported again under the same event id, which consumers drop if they have it.
            return DeliveryOutcome.reportedLater(
                    Kind.ALREADY_DELIVERED, status.reportAsync(request, DeliveryState.DELIVERED, attempt, null));
        }
        Instant deadline = request.deadline();
        if (deadline != null && !clock.instant().isBefore(deadline)) {
            String reason = "deadline " + deadline + " passed before attempt " + attempt;
            status.report(request, DeliveryState.EXPIRED, attempt - 1, reason);
            log.info("delivery {} expired: {}", deliveryId, reason);
            return DeliveryOutcome.of(Kind.EXPIRED, reason);
        }
        Optional<WebhookFormat> format = formats.forType(request.target().type());
        if (format.isEmpty()) {
            return fail(request, attempt, "webhook type " + request.target().type() + " is not supported");
        }
        OpenedTarget target;
        try {
            DeliveryTarget sealed = request.target();
            String secret = sealed.sealedSecret() == null ? null : sealer.open(sealed.sealedSecret());
            target = new OpenedTarget(sealer.open(sealed.sealedAddress()), secret, sealed.attributes());
        } catch (SealedValueException e) {
            return fail(request, attempt, "the webhook address cannot be opened: " + e.getMessage());
        }
        String url = target.address();
        Optional<RateLimit> limit =
                format.get() instanceof RateLimited limited ? limited.rateLimit(target) : Optional.empty();
        String slot = deliveryId + ":" + attempt + ":" + System.nanoTime();
        Optional<Duration> slotIn = limit.isEmpty() ? Optional.empty() : takeSlot(limit.get(), slot);
        if (slotIn.isPresent()) {
            Instant notBefore = clock.instant().plus(slotIn.get());
            log.info("delivery {} waits {} for its target's rate limit", deliveryId, slotIn.get());
            return new DeliveryOutcome(
                    Kind.DEFERRED, "rate limit of the target: next slot in " + slotIn.get(), notBefore);
        }
        WebhookRequest outgoing = format.get().prepare(request, target);
        HostIsolation.Admission admission = isolation.admit(outgoing.url());
        if (admission instanceof HostIsolation.Busy busy) {
            // Nothing was sent: not an attempt. Come back after a short pause.
            return new DeliveryOutcome(
                    Kind.DEFERRED,
                    "too many calls in flight to " + busy.host(),
                    clock.instant().plusSeconds(1));
        }
        Verdict verdict;
        if (admission instanceof HostIsolation.Open open) {
            // Counted as a failed attempt, so a host that stays down ends in FAILED, not a loop.
            verdict = Verdict.retry("circuit open for " + open.host() + " after repeated failures");
        } else {
            status.announce(request, DeliveryState.SENDING, attempt);
            verdict = send(outgoing, format.get(), (HostIsolation.Admitted) admission);
            limit.ifPresent(taken -> limiter.settle(taken, slot));
        }
        log.info(
                "delivery {} attempt {} to {}: {}",
                deliveryId,
                attempt,
                UrlGuard.redact(url),
                verdict.reason() == null ? verdict.kind() : verdict.reason());
        return switch (verdict.kind()) {
            case DELIVERED -> {
                // Remembered, then reported, and the request is done when both are: if
                // reporting fails (the broker is away for seconds, Redis answers in milliseconds), the
                // redelivered request finds it remembered and only reports again, instead of posting
                // it a second time. If remembering fails, the retry posts again (the target has the
                // Idempotency-Key).
                CompletableFuture<Void> remembered = ledger.markDelivered(deliveryId);
                CompletableFuture<Void> reported = status.reportAsync(request, DeliveryState.DELIVERED, attempt, null);
                yield DeliveryOutcome.reportedLater(Kind.DELIVERED, CompletableFuture.allOf(remembered, reported));
            }
            case PERMANENT -> fail(request, attempt, verdict.reason());
            case RETRY -> {
                if (attempt >= maxAttempts) {
                    String reason = verdict.reason() + "; gave up after " + attempt + " attempts";
                    status.report(request, DeliveryState.FAILED, attempt, reason);
                    yield DeliveryOutcome.of(Kind.GAVE_UP, reason);
                }
                status.report(request, DeliveryState.RETRYING, attempt, verdict.reason());
                Instant notBefore =
                        verdict.retryAfter() == null ? null : clock.instant().plus(verdict.retryAfter());
                yield new DeliveryOutcome(Kind.RETRY_LATER, verdict.reason(), notBefore);
            }
        };
    }

    /**
     * Reports a delivery FAILED that stopped for a reason of Herald's own (it reached the dead-letter
     * topic without a verdict), unless it was delivered meanwhile.
     */
    public void abandon(DeliveryRequested request, int attempt, String reason) {
        if (!ledger.isDelivered(request.deliveryId())) {
            status.report(request, DeliveryState.FAILED, attempt, reason);
        }
    }

    private DeliveryOutcome fail(DeliveryRequested request, int attempt, String reason) {
        status.report(request, DeliveryState.FAILED, attempt, reason);
        log.warn("delivery {} failed: {}", request.deliveryId(), reason);
        return DeliveryOutcome.of(Kind.FAILED, reason);
    }

    /**
     * Takes a send slot under the target's rate limit, waiting in place up to {@code maxInPlaceWait}.
     *
     * @return empty when the slot is taken; otherwise how long until the next one may be free
     */
    private Optional<Duration> takeSlot(RateLimit limit, String member) {
        Instant waitUntil = clock.instant().plus(maxInPlaceWait);
        while (true) {
            Duration wait = limiter.tryAcquire(limit, member);
            if (wait.isZero()) {
                return Optional.empty();
            }
            if (clock.instant().plus(wait).isAfter(waitUntil)) {
                return Optional.of(wait);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of(wait);
            }
        }
    }

    private Verdict send(WebhookRequest outgoing, WebhookFormat format, HostIsolation.Admitted admission) {
        try {
            OutboundResponse response = http.send(
                    outgoing.method(), outgoing.url(), outgoing.headers(), outgoing.body(), outgoing.contentType());
            Verdict verdict = format.judge(response);
            if (response.status() >= 500) {
                admission.failed(new IOException("HTTP " + response.status()));
            } else {
                admission.succeeded();
            }
            return verdict;
        } catch (RefusedUrlException e) {
            admission.succeeded();
            // Its message names the target as scheme, host and port only.
            return Verdict.permanent(e.getMessage());
        } catch (InterruptedIOException e) {
            admission.failed(e);
            return Verdict.retry("no answer in time (" + e.getClass().getSimpleName() + ")");
        } catch (IOException e) {
            admission.failed(e);
            // Messages of network errors can carry addresses; the exception type says enough.
            return Verdict.retry("network error (" + e.getClass().getSimpleName() + ")");
        } catch (RuntimeException e) {
            admission.failed(e);
            throw e;
        }
    }
}
