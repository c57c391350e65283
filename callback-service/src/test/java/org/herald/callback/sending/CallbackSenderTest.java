package org.herald.callback.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.herald.callback.sending.CallbackOutcome.Kind;
import org.herald.callback.sending.CallbackStore.State;
import org.herald.outbound.OutboundHttp;
import org.herald.outbound.OutboundHttpClientFactory;
import org.herald.outbound.OutboundHttpProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

/** The sender against a real HTTP receiver on loopback; the record kept in memory. */
class CallbackSenderTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final String BODY =
            "{\"event\":\"message_complate\",\"messageInfo\":{\"message\":\"\",\"shortCode\":\"sc1\",\"sendStatus\":2}}";

    private final MockWebServer receiver = new MockWebServer();
    private final InMemoryCallbackStore store = new InMemoryCallbackStore();
    private final List<OutboundHttp> clients = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        receiver.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        receiver.close();
        clients.forEach(OutboundHttp::close);
    }

    @Test
    void shouldPostTheBodyWithStandardWebhooksHeaders() throws Exception {
        receiver.enqueue(new MockResponse.Builder().code(200).build());

        CallbackOutcome outcome = sender(true).send(request(), 1);

        assertThat(outcome.kind()).isEqualTo(Kind.DELIVERED);
        RecordedRequest posted = receiver.takeRequest();
        assertThat(posted.getMethod()).isEqualTo("POST");
        assertThat(posted.getTarget()).isEqualTo("/callback/me?token=SECRET");
        assertThat(posted.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(posted.getHeaders().get("webhook-id")).isEqualTo("msg_sc1");
        assertThat(posted.getHeaders().get("webhook-timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(posted.getBody().utf8()).isEqualTo(BODY);
    }

    @Test
    void shouldRecordTheAttemptAndTheFinalOutcome() {
        receiver.enqueue(
                new MockResponse.Builder().code(200).body("{\"code\":200}").build());

        sender(true).send(request(), 1);

        assertThat(store.events.get("evt-1"))
                .isEqualTo(new InMemoryCallbackStore.Row(
                        "message_complate", "sc1", "127.0.0.1", State.DELIVERED, 1, "delivered on attempt 1"));
        CallbackStore.Attempt attempt = store.attempts.get(0);
        assertThat(attempt.attempt()).isEqualTo(1);
        assertThat(attempt.urlHost()).isEqualTo("127.0.0.1");
        assertThat(attempt.httpStatus()).isEqualTo(200);
        assertThat(attempt.latencyMs()).isNotNegative();
        assertThat(attempt.error()).isNull();
        assertThat(attempt.responseExcerpt()).isEqualTo("{\"code\":200}");
        assertThat(attempt.attemptedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldNotSendAnEventThatAlreadyHasItsFinalOutcome() {
        receiver.enqueue(new MockResponse.Builder().code(200).build());
        CallbackSender sender = sender(true);
        sender.send(request(), 1);

        CallbackOutcome again = sender.send(request(), 1);

        assertThat(again.kind()).isEqualTo(Kind.ALREADY_FINAL);
        assertThat(receiver.getRequestCount()).isEqualTo(1);
        assertThat(store.attempts).hasSize(1);
    }

    @Test
    void shouldAskForALaterAttemptWhenTheReceiverFailsAndCountAttemptsAcrossCopies() {
        receiver.enqueue(new MockResponse.Builder().code(503).build());
        receiver.enqueue(new MockResponse.Builder().code(500).build());
        CallbackSender sender = sender(true);

        CallbackOutcome first = sender.send(request(), 1);
        CallbackOutcome second = sender.send(request(), 2);

        assertThat(first).isEqualTo(new CallbackOutcome(Kind.RETRY_LATER, "receiver answered HTTP 503"));
        assertThat(second).isEqualTo(new CallbackOutcome(Kind.RETRY_LATER, "receiver answered HTTP 500"));
        assertThat(store.attempts)
                .extracting(CallbackStore.Attempt::attempt, CallbackStore.Attempt::httpStatus)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, 503), org.assertj.core.groups.Tuple.tuple(2, 500));
        assertThat(store.events.get("evt-1").state()).isEqualTo(State.PENDING);
    }

    @Test
    void shouldGiveUpAndRecordTheOutcomeOnTheLastAttempt() {
        receiver.enqueue(new MockResponse.Builder().code(502).build());

        CallbackOutcome outcome = sender(true).send(request(), 3);

        assertThat(outcome)
                .isEqualTo(new CallbackOutcome(Kind.GAVE_UP, "receiver answered HTTP 502; gave up after 1 attempts"));
        assertThat(store.events.get("evt-1").state()).isEqualTo(State.FAILED);
        assertThat(store.events.get("evt-1").outcome()).isEqualTo(outcome.reason());
    }

    @Test
    void shouldStopAtOnceWhenTheReceiverIsGone() {
        receiver.enqueue(new MockResponse.Builder().code(410).build());

        CallbackOutcome outcome = sender(true).send(request(), 1);

        assertThat(outcome).isEqualTo(new CallbackOutcome(Kind.FAILED, "receiver answered HTTP 410 Gone"));
        assertThat(store.events.get("evt-1").state()).isEqualTo(State.FAILED);
    }

    @Test
    void shouldStopWhenTheReceiverAsksToAbort() {
        receiver.enqueue(new MockResponse.Builder()
                .code(400)
                .addHeader("webhook-delivery", "abort-message")
                .build());

        assertThat(sender(true).send(request(), 1).kind()).isEqualTo(Kind.FAILED);
    }

    @Test
    void shouldRefuseALoopbackReceiverWhenPrivateNetworksAreNotAllowed() {
        CallbackOutcome outcome = sender(false).send(request(), 1);

        assertThat(outcome.kind()).isEqualTo(Kind.FAILED);
        assertThat(outcome.reason())
                .isEqualTo("refused http://127.0.0.1:" + receiver.getPort()
                        + "/…: 127.0.0.1 is in 127.0.0.0/8 (loopback)");
        assertThat(receiver.getRequestCount()).isZero();
        CallbackStore.Attempt attempt = store.attempts.get(0);
        assertThat(attempt.httpStatus()).isNull();
        assertThat(attempt.error()).isEqualTo(outcome.reason()).doesNotContain("SECRET");
        assertThat(attempt.responseExcerpt()).isNull();
    }

    @Test
    void shouldKeepTheFirstKilobyteOfTheAnswer() {
        receiver.enqueue(
                new MockResponse.Builder().code(500).body("é".repeat(3000)).build());

        sender(true).send(request(), 1);

        String excerpt = store.attempts.get(0).responseExcerpt();
        assertThat(excerpt.getBytes(StandardCharsets.UTF_8)).hasSize(1024);
        assertThat(excerpt).isEqualTo("é".repeat(512));
    }

    @Test
    void shouldStoreTextThatPostgresqlAccepts() {
        assertThat(CallbackSender.storable("a\u0000b")).isEqualTo("a\uFFFDb");
        assertThat(CallbackSender.storable(null)).isNull();
    }

    private CallbackRequest request() {
        return new CallbackRequest(
                "evt-1",
                "message_complate",
                "sc1",
                "http://127.0.0.1:" + receiver.getPort() + "/callback/me?token=SECRET",
                "msg_sc1",
                BODY.getBytes(StandardCharsets.UTF_8));
    }

    private CallbackSender sender(boolean allowPrivateNetworks) {
        OutboundHttp http =
                new OutboundHttp(new OutboundHttpClientFactory(OutboundHttpProperties.defaults(allowPrivateNetworks)));
        clients.add(http);
        return new CallbackSender(
                http, store, TransactionOperations.withoutTransaction(), Clock.fixed(NOW, ZoneOffset.UTC), 3);
    }
}
