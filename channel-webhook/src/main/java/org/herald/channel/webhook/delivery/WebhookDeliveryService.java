package org.herald.channel.webhook.delivery;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.herald.channel.webhook.delivery.DeliveryOutcome.Kind;
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

    public WebhookDeliveryService(
            WebhookFormats formats,
            SecretSealer sealer,
            OutboundHttp http,
            DeliveredLedger ledger,
            StatusReporter status,
            Clock clock,
            int maxAttempts) {
        this.formats = formats;
        this.sealer = sealer;
        this.http = http;
        this.ledger = ledger;
        this.status = status;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    /**
     * Handles attempt {@code attempt} (1 for the first) of a delivery.
     *
     * @return {@link Kind#RETRY_LATER} when the caller must schedule another attempt,
     *     {@link Kind#GAVE_UP} when the last attempt failed transiently (already reported FAILED)
     */
    public DeliveryOutcome deliver(DeliveryRequested request, int attempt) {
        String deliveryId = request.deliveryId();
        if (ledger.isDelivered(deliveryId)) {
            log.info("delivery {} was delivered before; not posting it again", deliveryId);
            return DeliveryOutcome.of(Kind.ALREADY_DELIVERED);
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
        WebhookRequest outgoing = format.get().prepare(request, target);
        status.report(request, DeliveryState.SENDING, attempt, null);
        Verdict verdict = send(outgoing, format.get());
        log.info(
                "delivery {} attempt {} to {}: {}",
                deliveryId,
                attempt,
                UrlGuard.redact(url),
                verdict.reason() == null ? verdict.kind() : verdict.reason());
        return switch (verdict.kind()) {
            case DELIVERED -> {
                // Reported before it is remembered: if remembering fails, the retry posts again
                // (the target has the Idempotency-Key) rather than never reporting the success.
                status.report(request, DeliveryState.DELIVERED, attempt, null);
                ledger.markDelivered(deliveryId);
                yield DeliveryOutcome.of(Kind.DELIVERED);
            }
            case PERMANENT -> fail(request, attempt, verdict.reason());
            case RETRY -> {
                if (attempt >= maxAttempts) {
                    String reason = verdict.reason() + "; gave up after " + attempt + " attempts";
                    status.report(request, DeliveryState.FAILED, attempt, reason);
                    yield DeliveryOutcome.of(Kind.GAVE_UP, reason);
                }
                status.report(request, DeliveryState.RETRYING, attempt, verdict.reason());
                yield DeliveryOutcome.of(Kind.RETRY_LATER, verdict.reason());
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

    private Verdict send(WebhookRequest outgoing, WebhookFormat format) {
        try {
            OutboundResponse response = http.send(
                    outgoing.method(), outgoing.url(), outgoing.headers(), outgoing.body(), outgoing.contentType());
            return format.judge(response);
        } catch (RefusedUrlException e) {
            // Its message names the target as scheme, host and port only.
            return Verdict.permanent(e.getMessage());
        } catch (InterruptedIOException e) {
            return Verdict.retry("no answer in time (" + e.getClass().getSimpleName() + ")");
        } catch (IOException e) {
            // Messages of network errors can carry addresses; the exception type says enough.
            return Verdict.retry("network error (" + e.getClass().getSimpleName() + ")");
        }
    }
}
