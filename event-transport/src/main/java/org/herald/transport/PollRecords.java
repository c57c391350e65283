package org.herald.transport;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * Hands a batch listener's whole poll to one handler, read and in order, for a handler that applies
 * many records with a few set-based statements rather than a few statements per record.
 *
 * <p>The offsets of the poll are committed only when this returns. When the handler fails, the error
 * handler is pointed at the poll's first record, so the whole poll is handled again: the handler must
 * be idempotent. A record that cannot be read is handed to the error handler alone, after the records
 * before it were handled; the ones after it come again in the next poll.
 *
 * <p>The handler runs per-record work (what it publishes and logs for a key) through {@link KeyScope},
 * inside the listener observation a record listener would have opened for that key's last record, so
 * the trace a record carried continues there. A key's observation is opened at its first piece of
 * work and closed when the handler returns: work done for a key in several steps (publish, await the
 * whole poll's acks, log) is one span, not one per step.
 */
public final class PollRecords {

    private final ObservationRegistry observations;
    private final String groupId;

    /** @param groupId the listener's consumer group: names its observations */
    public PollRecords(ObservationRegistry observations, String groupId) {
        this.observations = observations;
        this.groupId = groupId;
    }

    /** Runs work for one key inside the observation of its last record of the poll. */
    @FunctionalInterface
    public interface KeyScope {

        /** Runs the work as is; for callers outside a listener. */
        KeyScope NONE = (key, work) -> work.run();

        void within(String key, Runnable work);
    }

    /** What to do with the poll's readable records. */
    @FunctionalInterface
    public interface PollHandler<T> {

        void handle(List<T> values, KeyScope scope);
    }

    public <T> void handle(
            List<ConsumerRecord<String, byte[]>> records,
            Function<ConsumerRecord<String, byte[]>, T> read,
            PollHandler<T> handler) {
        List<T> values = new ArrayList<>(records.size());
        Map<String, ConsumerRecord<String, byte[]>> lastOfKey = new HashMap<>();
        RuntimeException unreadable = null;
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                values.add(read.apply(record));
            } catch (RuntimeException e) {
                unreadable = e;
                break;
            }
            if (record.key() != null) {
                lastOfKey.put(record.key(), record);
            }
        }
        if (!values.isEmpty()) {
            Map<String, Observation> opened = new LinkedHashMap<>();
            KeyScope scope = (key, work) -> {
                ConsumerRecord<String, byte[]> last = lastOfKey.get(key);
                if (last == null) {
                    work.run();
                    return;
                }
                Observation observation = opened.computeIfAbsent(key, k -> start(last));
                try (Observation.Scope ignored = observation.openScope()) {
                    work.run();
                }
            };
            RuntimeException failure = null;
            try {
                handler.handle(values, scope);
            } catch (RuntimeException e) {
                failure = e;
            }
            for (Observation observation : opened.values()) {
                if (failure != null) {
                    observation.error(failure);
                }
                observation.stop();
            }
            if (failure != null) {
                throw new BatchListenerFailedException(failure.getMessage(), failure, records.get(0));
            }
        }
        if (unreadable != null) {
            throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, records.get(values.size()));
        }
    }

    /** The listener observation a record listener would open for the record. */
    private Observation start(ConsumerRecord<String, byte[]> record) {
        return KafkaListenerObservation.LISTENER_OBSERVATION
                .observation(
                        null,
                        KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                        () -> new KafkaRecordReceiverContext(record, groupId, null, groupId, () -> null),
                        observations)
                .start();
    }
}
