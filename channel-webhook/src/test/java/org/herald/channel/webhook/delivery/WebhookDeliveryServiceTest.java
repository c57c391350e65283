package org.herald.channel.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.herald.channel.webhook.delivery.DeliveryOutcome.Kind;
import org.herald.channel.webhook.hiflow.HiflowFormat;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.events.delivery.DeliveryState;
import org.herald.events.delivery.DeliveryTarget;
import org.herald.events.delivery.Recipient;
import org.herald.outbound.OutboundHttp;
import org.herald.outbound.OutboundHttpClientFactory;
import org.herald.outbound.OutboundHttpProperties;
import org.herald.sealing.SecretSealer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The delivery logic against a real HTTP server on loopback; ledger and status kept in memory. */
class WebhookDeliveryServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final int MAX_ATTEMPTS = 3;

    record Reported(DeliveryState state, int attempt, String reason) {}

    private final MockWebServer server = new MockWebServer();
    private final SecretSealer sealer = new SecretSealer(randomKey());
    private final Set<String> delivered = new HashSet<>();
    private final List<Reported> reported = new ArrayList<>();
    private final List<OutboundHttp> clients = new ArrayList<>();

    private final DeliveredLedger ledger = new DeliveredLedger() {
        @Override
        public boolean isDelivered(String deliveryId) {
            return delivered.contains(deliveryId);
        }

        @Override
        public CompletableFuture<Void> markDelivered(String deliveryId) {
            delivered.add(deliveryId);
            return rememberedLater;
        }
    };

    /** What the ledger answers when asked to remember a delivery. */
    private CompletableFuture<Void> rememberedLater = CompletableFuture.completedFuture(null);

    /** What the reporter answers for statuses whose wait it hands back. */
    private CompletableFuture<Void> durableLater = CompletableFuture.completedFuture(null);

    private final StatusReporter status = new StatusReporter() {
        @Override
        public void report(DeliveryRequested request, DeliveryState state, int attempt, String reason) {
            reported.add(new Reported(state, attempt, reason));
        }

        @Override
        public CompletableFuture<Void> reportAsync(
                DeliveryRequested request, DeliveryState state, int attempt, String reason) {
            report(request, state, attempt, reason);
            return durableLater;
        }
    };

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
        clients.forEach(OutboundHttp::close);
    }

    @Test
    void shouldPostTheFiveFieldBodyWithTheDeliveryIdAsIdempotencyKey() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());

        DeliveryOutcome outcome = service(true).deliver(request(hookUrl(), null), 1);

        assertThat(outcome.kind()).isEqualTo(Kind.DELIVERED);
        RecordedRequest posted = server.takeRequest();
        assertThat(posted.getMethod()).isEqualTo("POST");
        assertThat(posted.getTarget()).isEqualTo("/hiflow/demo?key=HOOK-SECRET");
        assertThat(posted.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(posted.getHeaders().get("Idempotency-Key")).isEqualTo("sc1-webhook-demo");
        assertThat(posted.getBody().utf8())
                .isEqualTo("{\"title\":\"标题\",\"content\":\"内容 <b>\\\"q\\\"</b>\","
                        + "\"icon\":\"https://herald.example/assets/herald-icon.png\","
                        + "\"url\":\"https://herald.example/m/sc1\",\"shortCode\":\"sc1\"}");
    }

    @Test
    void shouldReportSendingThenDeliveredAndRememberTheDelivery() {
        server.enqueue(new MockResponse.Builder().code(204).build());

        service(true).deliver(request(hookUrl(), null), 1);

        assertThat(reported)
                .containsExactly(
                        new Reported(DeliveryState.SENDING, 1, null), new Reported(DeliveryState.DELIVERED, 1, null));
        assertThat(delivered).containsExactly("sc1-webhook-demo");
    }

    @Test
    void shouldLeaveADeliveredRequestUnfinishedUntilItIsRememberedAndReported() {
        rememberedLater = new CompletableFuture<>();
        durableLater = new CompletableFuture<>();
        server.enqueue(new MockResponse.Builder().code(204).build());

        DeliveryOutcome outcome = service(true).deliver(request(hookUrl(), null), 1);

        assertThat(outcome.kind()).isEqualTo(Kind.DELIVERED);
        assertThat(delivered).containsExactly("sc1-webhook-demo");
        assertThat(reported).contains(new Reported(DeliveryState.DELIVERED, 1, null));
        durableLater.complete(null);
        assertThat(outcome.reported()).isNotDone();
        rememberedLater.complete(null);
        assertThat(outcome.reported()).isCompleted();
    }

    @Test
    void shouldFailADeliveredRequestWhoseDeliveryCouldNotBeRemembered() {
        rememberedLater = new CompletableFuture<>();
        server.enqueue(new MockResponse.Builder().code(204).build());

        DeliveryOutcome outcome = service(true).deliver(request(hookUrl(), null), 1);
        rememberedLater.completeExceptionally(new IllegalStateException("Redis is away"));

        // The listener's container hands the request to the error handler: retried in place.
        assertThat(outcome.reported()).isCompletedExceptionally();
    }

    @Test
    void shouldHandTheWaitForARepeatedDeliveredStatusToTheListener() {
        durableLater = new CompletableFuture<>();
        delivered.add("sc1-webhook-demo");

        DeliveryOutcome outcome = service(true).deliver(request(hookUrl(), null), 1);

        assertThat(outcome.kind()).isEqualTo(Kind.ALREADY_DELIVERED);
        assertThat(outcome.reported()).isSameAs(durableLater).isNotDone();
    }

    @Test
    void shouldReportEveryOtherOutcomeBeforeReturningIt() {
        durableLater = new CompletableFuture<>();
        server.enqueue(new MockResponse.Builder().code(503).build());

        DeliveryOutcome outcome = service(true).deliver(request(hookUrl(), null), 1);

        assertThat(outcome.kind()).isEqualTo(Kind.RETRY_LATER);
        assertThat(outcome.reported()).isDone();
        assertThat(reported).contains(new Reported(DeliveryState.RETRYING, 1, "target answered HTTP 503"));
    }

    @Test
    void shouldNotPostADeliveryThatWasDeliveredBefore() {
        delivered.add("sc1-webhook-demo");

        DeliveryOutcome outcome = service(true).deliver(request(hookUrl(), null), 1);

        assertThat(outcome.kind()).isEqualTo(Kind.ALREADY_DELIVERED);
        assertThat(server.getRequestCount()).isZero();
        // Reported again: the first report may be what a broker outage swallowed.
        assertThat(reported).containsExactly(new Reported(DeliveryState.DELIVERED, 1, null));
    }

    @Test
    void shouldExpireWithoutPostingWhenTheDeadlinePassed() {
        DeliveryOutcome outcome = service(true).deliver(request(hookUrl(), NOW.minusSeconds(1)), 2);

        assertThat(outcome.kind()).isEqualTo(Kind.EXPIRED);
        assertThat(server.getRequestCount()).isZero();
        assertThat(reported)
                .containsExactly(new Reported(
                        DeliveryState.EXPIRED, 1, "deadline 2026-03-01T07:59:59Z passed before attempt 2"));
    }

    @Test
    void shouldPostWhileTheDeadlineIsAhead() {
        server.enqueue(new MockResponse.Builder().code(200).build());

        assertThat(service(true)
                        .deliver(request(hookUrl(), NOW.plusSeconds(1)), 1)
                        .kind())
                .isEqualTo(Kind.DELIVERED);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 429, 408})
    void shouldAskForALaterAttemptWhenTheTargetFailsTransiently(int code) {
        server.enqueue(new MockResponse.Builder().code(code).build());

        DeliveryOutcome outcome = service(true).deliver(request(hookUrl(), null), 1);

        assertThat(outcome).isEqualTo(new DeliveryOutcome(Kind.RETRY_LATER, "target answered HTTP " + code));
        assertThat(reported)
                .containsExactly(
                        new Reported(DeliveryState.SENDING, 1, null),
                        new Reported(DeliveryState.RETRYING, 1, "target answered HTTP " + code));
        assertThat(delivered).isEmpty();
    }

    @Test
    void shouldAskForALaterAttemptWhenTheTargetDoesNotAnswerInTime() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .headersDelay(3, TimeUnit.SECONDS)
                .build());
        OutboundHttp impatient = client(new OutboundHttpProperties(
                true, Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(5), 65536, 64));

        DeliveryOutcome outcome = service(impatient).deliver(request(hookUrl(), null), 1);

        assertThat(outcome.kind()).isEqualTo(Kind.RETRY_LATER);
        assertThat(outcome.reason()).startsWith("no answer in time");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 410, 301, 302})
    void shouldFailAtOnceWhenTheTargetRefusesTheRequest(int code) {
        server.enqueue(new MockResponse.Builder().code(code).build());

        DeliveryOutcome outcome = service(true).deliver(request(hookUrl(), null), 1);

        assertThat(outcome.kind()).isEqualTo(Kind.FAILED);
        assertThat(reported).last().isEqualTo(new Reported(DeliveryState.FAILED, 1, outcome.reason()));
        assertThat(outcome.reason()).startsWith("target answered HTTP " + code);
    }

    @Test
    void shouldGiveUpAndReportFailedOnTheLastAttempt() {
        server.enqueue(new MockResponse.Builder().code(503).build());

        DeliveryOutcome outcome = service(true).deliver(request(hookUrl(), null), MAX_ATTEMPTS);

        assertThat(outcome)
                .isEqualTo(new DeliveryOutcome(Kind.GAVE_UP, "target answered HTTP 503; gave up after 3 attempts"));
        assertThat(reported)
                .containsExactly(
                        new Reported(DeliveryState.SENDING, 3, null),
                        new Reported(DeliveryState.FAILED, 3, "target answered HTTP 503; gave up after 3 attempts"));
    }

    @Test
    void shouldRefuseALoopbackTargetWithoutPuttingItsSecretInTheReason() {
        DeliveryOutcome outcome = service(false).deliver(request(hookUrl(), null), 1);

        assertThat(outcome.kind()).isEqualTo(Kind.FAILED);
        assertThat(outcome.reason())
                .isEqualTo(
                        "refused http://127.0.0.1:" + server.getPort() + "/…: 127.0.0.1 is in 127.0.0.0/8 (loopback)")
                .doesNotContain("SECRET");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void shouldFailAnAddressSealedWithAnotherKey() {
        DeliveryRequested request = request(hookUrl(), null);
        DeliveryRequested foreign = withTarget(
                request,
                new DeliveryTarget("HIFLOW", "demo", new SecretSealer(randomKey()).seal(hookUrl()), null, Map.of()));

        DeliveryOutcome outcome = service(true).deliver(foreign, 1);

        assertThat(outcome.kind()).isEqualTo(Kind.FAILED);
        assertThat(outcome.reason()).startsWith("the webhook address cannot be opened");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void shouldFailATargetTypeItCannotDeliver() {
        DeliveryRequested request = request(hookUrl(), null);
        DeliveryRequested dingtalk =
                withTarget(request, new DeliveryTarget("DINGTALK", "demo", sealer.seal(hookUrl()), null, Map.of()));

        DeliveryOutcome outcome = service(true).deliver(dingtalk, 1);

        assertThat(outcome).isEqualTo(new DeliveryOutcome(Kind.FAILED, "webhook type DINGTALK is not supported"));
        assertThat(reported).containsExactly(new Reported(DeliveryState.FAILED, 1, outcome.reason()));
    }

    @Test
    void shouldReportAnAbandonedDeliveryFailedUnlessItWasDelivered() {
        WebhookDeliveryService service = service(true);

        service.abandon(request(hookUrl(), null), 2, "delivery stopped by an internal error (X)");
        delivered.add("sc1-webhook-demo");
        service.abandon(request(hookUrl(), null), 2, "again");

        assertThat(reported)
                .containsExactly(new Reported(DeliveryState.FAILED, 2, "delivery stopped by an internal error (X)"));
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + server.getPort() + "/hiflow/demo?key=HOOK-SECRET";
    }

    private WebhookDeliveryService service(boolean allowPrivateNetworks) {
        return service(client(OutboundHttpProperties.defaults(allowPrivateNetworks)));
    }

    private WebhookDeliveryService service(OutboundHttp http) {
        return new WebhookDeliveryService(
                new WebhookFormats(List.of(new HiflowFormat())),
                sealer,
                http,
                ledger,
                status,
                Clock.fixed(NOW, ZoneOffset.UTC),
                MAX_ATTEMPTS);
    }

    private OutboundHttp client(OutboundHttpProperties properties) {
        OutboundHttp http = new OutboundHttp(new OutboundHttpClientFactory(properties));
        clients.add(http);
        return http;
    }

    private DeliveryRequested request(String url, Instant deadline) {
        return new DeliveryRequested(
                "sc1-webhook-demo",
                "sc1",
                UUID.fromString("00000000-0000-0000-0000-000000000001"),
                "webhook",
                new Recipient("webhook", "demo"),
                new DeliveryTarget(
                        "HIFLOW",
                        "demo",
                        sealer.seal(url),
                        null,
                        Map.of("icon", "https://herald.example/assets/herald-icon.png")),
                "标题",
                "内容 <b>\"q\"</b>",
                "html",
                "https://herald.example/m/sc1",
                deadline,
                NOW.minusSeconds(5));
    }

    private static DeliveryRequested withTarget(DeliveryRequested r, DeliveryTarget target) {
        return new DeliveryRequested(
                r.deliveryId(),
                r.messageId(),
                r.accountId(),
                r.channel(),
                r.recipient(),
                target,
                r.title(),
                r.content(),
                r.template(),
                r.pageUrl(),
                r.deadline(),
                r.requestedAt());
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
