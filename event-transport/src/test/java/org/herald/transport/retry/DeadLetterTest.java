package org.herald.transport.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

class DeadLetterTest {

    @Test
    void shouldTellAListenerThatGaveUpFromARecordForwardedByARetryTopic() {
        ConsumerRecord<String, byte[]> record = record();
        header(
                record,
                KafkaHeaders.EXCEPTION_FQCN,
                "org.springframework.kafka.listener.ListenerExecutionFailedException");
        header(record, KafkaHeaders.EXCEPTION_CAUSE_FQCN, IllegalStateException.class.getName());
        header(record, KafkaHeaders.ORIGINAL_TOPIC, "herald.deliveries.webhook.retry-2");

        DeadLetter deadLetter = DeadLetter.of(record);

        assertThat(deadLetter.causedBy(IllegalStateException.class)).isTrue();
        assertThat(deadLetter.causedBy(IllegalArgumentException.class)).isFalse();
        assertThat(deadLetter.failureName()).isEqualTo("IllegalStateException");
        assertThat(deadLetter.originalTopic()).isEqualTo("herald.deliveries.webhook.retry-2");
    }

    @Test
    void shouldReadTheHeadersOfARecordSentStraightFromItsOwnTopic() {
        ConsumerRecord<String, byte[]> record = record();
        header(record, KafkaHeaders.DLT_EXCEPTION_FQCN, NullPointerException.class.getName());
        header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC, "herald.deliveries.webhook");

        DeadLetter deadLetter = DeadLetter.of(record);

        assertThat(deadLetter.causedBy(NullPointerException.class)).isTrue();
        assertThat(deadLetter.failureName()).isEqualTo("NullPointerException");
        assertThat(deadLetter.originalTopic()).isEqualTo("herald.deliveries.webhook");
    }

    @Test
    void shouldCallAFailureWithoutHeadersUnknown() {
        assertThat(DeadLetter.of(record()).failureName()).isEqualTo("unknown");
    }

    private static ConsumerRecord<String, byte[]> record() {
        return new ConsumerRecord<>("herald.deliveries.webhook.dlt", 0, 0, "k", new byte[0]);
    }

    private static void header(ConsumerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
