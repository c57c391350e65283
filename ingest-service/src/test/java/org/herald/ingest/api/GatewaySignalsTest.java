package org.herald.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.herald.events.topic.Topics;
import org.herald.ingest.IngestIntegrationTest;
import org.herald.ingest.KafkaProbe;
import org.herald.ingest.TestHttp;
import org.junit.jupiter.api.Test;

/** What ingest tells the gateway and the rest of the pipeline beyond the pushplus body. */
class GatewaySignalsTest extends IngestIntegrationTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void shouldMarkAnInvalidTokenAnswerWithCode903InAHeader() {
        TestHttp.Response response =
                http().postJson("/send", Map.of("token", "00000000000000000000000000000000", "content", "x"), Map.of());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("code").asInt()).isEqualTo(903);
        assertThat(response.header("X-Herald-Code")).isEqualTo("903");
    }

    @Test
    void shouldMarkAValidationRefusalAndAnAcceptedSend() {
        TestAccount account = newAccount();
        addWebhook(account, "flow1", 7, "https://hiflow.tencent.com/api/hook/abc123");

        TestHttp.Response refused = http().postJson("/send", Map.of("content", "x"), Map.of());
        TestHttp.Response accepted = http().postJson(
                        "/send",
                        Map.of("token", account.token(), "content", "x", "channel", "webhook", "webhook", "flow1"),
                        Map.of());

        assertThat(refused.header("X-Herald-Code")).isEqualTo("999");
        assertThat(accepted.json().get("code").asInt()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.header("X-Herald-Code")).isEqualTo("200");
    }

    @Test
    void shouldContinueTheCallersTraceIntoTheAcceptedRecordsHeaders() {
        String shortCode = sendTraced("flow1");

        ConsumerRecord<String, byte[]> record =
                KafkaProbe.withKey(Topics.MESSAGES.name(), shortCode).get(0);
        String traceparent = KafkaProbe.header(record, "traceparent");
        assertThat(traceparent).startsWith("00-" + TRACE_ID + "-").doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void shouldContinueTheTraceFromTheAcceptedMessageIntoItsDeliveryRequest() {
        String shortCode = sendTraced("flow2");

        ConsumerRecord<String, byte[]> request =
                KafkaProbe.await(Topics.DELIVERIES_WEBHOOK.name(), record -> (shortCode + "-webhook-flow2")
                        .equals(KafkaProbe.header(record, "ce_id")));
        assertThat(KafkaProbe.header(request, "traceparent")).startsWith("00-" + TRACE_ID + "-");
    }

    /** A webhook send of a new account with the caller's {@code traceparent}; returns its shortCode. */
    private String sendTraced(String webhookCode) {
        TestAccount account = newAccount();
        addWebhook(account, webhookCode, 7, "https://hiflow.tencent.com/api/hook/abc123");
        TestHttp.Response response = http().postJson(
                        "/send",
                        Map.of(
                                "token",
                                account.token(),
                                "content",
                                "traced",
                                "channel",
                                "webhook",
                                "webhook",
                                webhookCode),
                        Map.of("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01"));
        return response.json().get("data").asString();
    }
}
