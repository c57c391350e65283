package org.herald.transport.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class RetryAttemptsTest {

    @Test
    void shouldCountARecordOnTheDeliveryTopicAsTheFirstAttempt() {
        assertThat(RetryAttempts.of(record())).isEqualTo(1);
    }

    @Test
    void shouldReadTheAttemptSpringKafkaWroteWhenForwarding() {
        ConsumerRecord<String, byte[]> record = record();
        record.headers()
                .add("retry_topic-attempts", ByteBuffer.allocate(4).putInt(3).array());

        assertThat(RetryAttempts.of(record)).isEqualTo(3);
    }

    @Test
    void shouldReadTheOneByteFormOfOlderVersions() {
        ConsumerRecord<String, byte[]> record = record();
        record.headers().add("retry_topic-attempts", new byte[] {2});

        assertThat(RetryAttempts.of(record)).isEqualTo(2);
    }

    private static ConsumerRecord<String, byte[]> record() {
        return new ConsumerRecord<>("herald.deliveries.webhook", 0, 0, "k", new byte[0]);
    }
}
