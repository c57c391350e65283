package org.herald.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

class PollRecordsTest {

    private final PollRecords poll = new PollRecords(ObservationRegistry.NOOP, "test-group");

    @Test
    void shouldHandTheWholePollOverOnceInItsOrder() {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            records.add(record("key-" + (i % 3), i));
        }
        List<List<Long>> handed = new ArrayList<>();

        poll.handle(records, ConsumerRecord::offset, (values, scope) -> handed.add(values));

        assertThat(handed).containsExactly(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L));
    }

    @Test
    void shouldRunKeyedWorkForEveryKeyOfThePoll() {
        List<ConsumerRecord<String, byte[]>> records = List.of(record("a", 0), record("b", 1), record("a", 2));
        List<String> ran = new ArrayList<>();

        poll.handle(records, ConsumerRecord::key, (values, scope) -> {
            scope.within("b", () -> ran.add("b"));
            scope.within("a", () -> ran.add("a"));
            // A key the poll did not carry still runs, outside any record's observation.
            scope.within("z", () -> ran.add("z"));
        });

        assertThat(ran).containsExactly("b", "a", "z");
    }

    @Test
    void shouldPointTheErrorHandlerAtThePollsFirstRecordWhenTheHandlerFails() {
        List<ConsumerRecord<String, byte[]>> records =
                List.of(record("a", 7), record("b", 8), record("a", 9), record("b", 10));

        assertThatThrownBy(() -> poll.handle(records, record -> record, (values, scope) -> {
                    throw new IllegalStateException("database down");
                }))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        e -> assertThat(e.getRecord().offset()).isEqualTo(7))
                .hasRootCauseMessage("database down");
    }

    @Test
    void shouldHandleTheRecordsBeforeAnUnreadableOneAndPointAtThatOne() {
        List<ConsumerRecord<String, byte[]>> records =
                List.of(record("a", 0), record("b", 1), record("a", 2), record("b", 3));
        List<List<Long>> handled = new ArrayList<>();

        assertThatThrownBy(() -> poll.handle(
                        records,
                        record -> {
                            if (record.offset() == 2) {
                                throw new IllegalArgumentException("unreadable");
                            }
                            return record.offset();
                        },
                        (values, scope) -> handled.add(values)))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        e -> assertThat(e.getRecord().offset()).isEqualTo(2))
                .hasRootCauseMessage("unreadable");
        assertThat(handled).containsExactly(List.of(0L, 1L));
    }

    @Test
    void shouldPointAtAnUnreadableFirstRecordWithoutCallingTheHandler() {
        List<ConsumerRecord<String, byte[]>> records = List.of(record("a", 4), record("b", 5));
        List<List<Object>> handled = new ArrayList<>();

        assertThatThrownBy(() -> poll.handle(
                        records,
                        record -> {
                            throw new IllegalArgumentException("unreadable");
                        },
                        (values, scope) -> handled.add(values)))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        e -> assertThat(e.getRecord().offset()).isEqualTo(4));
        assertThat(handled).isEmpty();
    }

    @Test
    void shouldObserveEachKeyOnceForAllItsWorkAndCloseTheObservationsWhenThePollIsDone() {
        ObservationRegistry registry = ObservationRegistry.create();
        List<String> events = new ArrayList<>();
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStart(Observation.Context context) {
                events.add("start " + offsetOf(context));
            }

            @Override
            public void onError(Observation.Context context) {
                events.add("error " + offsetOf(context));
            }

            @Override
            public void onStop(Observation.Context context) {
                events.add("stop " + offsetOf(context));
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof KafkaRecordReceiverContext;
            }
        });
        PollRecords observed = new PollRecords(registry, "test-group");
        List<ConsumerRecord<String, byte[]>> records = List.of(record("a", 0), record("b", 1), record("a", 2));

        observed.handle(records, ConsumerRecord::offset, (values, scope) -> {
            scope.within("a", () -> events.add("publish a in " + offsetOf(current(registry))));
            scope.within("b", () -> events.add("publish b in " + offsetOf(current(registry))));
            scope.within("a", () -> events.add("log a in " + offsetOf(current(registry))));
        });

        // Key a is traced by its last record, 2; its two steps share one observation.
        assertThat(events)
                .containsExactly(
                        "start 2", "publish a in 2", "start 1", "publish b in 1", "log a in 2", "stop 2", "stop 1");
        assertThat(registry.getCurrentObservation()).isNull();
    }

    @Test
    void shouldRecordTheHandlersFailureOnEveryObservationItOpened() {
        ObservationRegistry registry = ObservationRegistry.create();
        List<String> events = new ArrayList<>();
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onError(Observation.Context context) {
                events.add(
                        "error " + offsetOf(context) + ": " + context.getError().getMessage());
            }

            @Override
            public void onStop(Observation.Context context) {
                events.add("stop " + offsetOf(context));
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof KafkaRecordReceiverContext;
            }
        });
        PollRecords observed = new PollRecords(registry, "test-group");

        assertThatThrownBy(() -> observed.handle(
                        List.of(record("a", 5), record("b", 6)), ConsumerRecord::offset, (values, scope) -> {
                            scope.within("a", () -> {});
                            throw new IllegalStateException("broker away");
                        }))
                .isInstanceOf(BatchListenerFailedException.class);

        assertThat(events).containsExactly("error 5: broker away", "stop 5");
    }

    private static Observation.Context current(ObservationRegistry registry) {
        return registry.getCurrentObservation().getContext();
    }

    private static long offsetOf(Observation.Context context) {
        return ((KafkaRecordReceiverContext) context).getRecord().offset();
    }

    private static ConsumerRecord<String, byte[]> record(String key, long offset) {
        return new ConsumerRecord<>("topic", 0, offset, key, new byte[0]);
    }
}
