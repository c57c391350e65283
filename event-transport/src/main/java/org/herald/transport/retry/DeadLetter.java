package org.herald.transport.retry;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Why a record reached a dead-letter topic, from the headers spring-kafka put on it. Records
 * forwarded from a retry topic carry {@code kafka_exception-*}, those sent straight from the event's
 * own topic {@code kafka_dlt-exception-*}.
 *
 * @param exception the class name of the exception that sent it there, or null
 * @param cause the class name of that exception's cause (the listener's own exception, when the
 *     container wrapped it), or null
 * @param originalTopic the topic the record came from, or null
 */
public record DeadLetter(String exception, String cause, String originalTopic) {

    public static DeadLetter of(ConsumerRecord<?, ?> record) {
        return new DeadLetter(
                header(record, KafkaHeaders.EXCEPTION_FQCN, KafkaHeaders.DLT_EXCEPTION_FQCN),
                header(record, KafkaHeaders.EXCEPTION_CAUSE_FQCN, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN),
                header(record, KafkaHeaders.ORIGINAL_TOPIC, KafkaHeaders.DLT_ORIGINAL_TOPIC));
    }

    /** True when the listener itself gave up with this exception (its last attempt failed). */
    public boolean causedBy(Class<? extends Throwable> type) {
        return type.getName().equals(cause) || type.getName().equals(exception);
    }

    /** The failure's class name without its package, for a status reason a user may read. */
    public String failureName() {
        String failure = cause != null ? cause : exception;
        return failure == null ? "unknown" : failure.substring(failure.lastIndexOf('.') + 1);
    }

    private static String header(ConsumerRecord<?, ?> record, String... names) {
        for (String name : names) {
            Header header = record.headers().lastHeader(name);
            if (header != null && header.value() != null) {
                return new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
