package org.herald.transport;

import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * The listener observation a record listener would open for one record. A batch listener that
 * handles records itself opens it, so the trace in a record's {@code traceparent} header continues
 * into what is published and logged for that record.
 */
final class RecordObservation {

    private final ObservationRegistry observations;
    private final String groupId;

    RecordObservation(ObservationRegistry observations, String groupId) {
        this.observations = observations;
        this.groupId = groupId;
    }

    void observe(ConsumerRecord<String, byte[]> record, Runnable work) {
        KafkaListenerObservation.LISTENER_OBSERVATION
                .observation(
                        null,
                        KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                        () -> new KafkaRecordReceiverContext(record, groupId, null, groupId, () -> null),
                        observations)
                .observe(work);
    }
}
