package org.herald.transport.retry;

import java.nio.ByteBuffer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.retrytopic.RetryTopicHeaders;

/** Which attempt a record on an event topic or one of its retry topics is. */
public final class RetryAttempts {

    private RetryAttempts() {}

    /**
     * 1 on the event's own topic; on a retry topic, the attempt spring-kafka counted when forwarding it
     * (on the dead-letter topic: one more than the attempts made).
     */
    public static int of(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(RetryTopicHeaders.DEFAULT_HEADER_ATTEMPTS);
        if (header == null || header.value() == null) {
            return 1;
        }
        byte[] value = header.value();
        int attempts;
        if (value.length == 1) {
            attempts = Byte.toUnsignedInt(value[0]);
        } else if (value.length == 4) {
            attempts = ByteBuffer.wrap(value).getInt();
        } else {
            return 1;
        }
        return Math.max(1, attempts);
    }
}
