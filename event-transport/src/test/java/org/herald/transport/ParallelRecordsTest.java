package org.herald.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

class ParallelRecordsTest {

    private final ParallelRecords parallel = new ParallelRecords(4, ObservationRegistry.NOOP, "test-group");

    @AfterEach
    void close() {
        parallel.close();
    }

    @Test
    void shouldHandleTheRecordsOfOneKeyInTheirOrder() {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            records.add(record("key-" + (i % 4), i));
        }
        Map<String, List<Long>> seen = new ConcurrentHashMap<>();

        parallel.handle(records, record -> seen.computeIfAbsent(
                        record.key(), k -> Collections.synchronizedList(new ArrayList<>()))
                .add(record.offset()));

        assertThat(seen).hasSize(4);
        assertThat(seen.get("key-1")).containsExactly(1L, 5L, 9L, 13L, 17L, 21L, 25L, 29L, 33L, 37L);
    }

    @Test
    void shouldHandleDifferentKeysAtTheSameTime() throws InterruptedException {
        CountDownLatch allStarted = new CountDownLatch(4);
        List<ConsumerRecord<String, byte[]>> records =
                List.of(record("a", 0), record("b", 1), record("c", 2), record("d", 3));

        parallel.handle(records, record -> {
            allStarted.countDown();
            try {
                // Handled one after another, the first would wait here for the others in vain.
                assertThat(allStarted.await(5, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(allStarted.getCount()).isZero();
    }

    @Test
    void shouldPointTheErrorHandlerAtTheEarliestFailedRecordAfterTheOthersFinished() {
        List<ConsumerRecord<String, byte[]>> records =
                List.of(record("a", 0), record("b", 1), record("c", 2), record("b", 3), record("d", 4));
        List<Long> handled = Collections.synchronizedList(new ArrayList<>());

        assertThatThrownBy(() -> parallel.handle(records, record -> {
                    if (record.offset() == 1 || record.offset() == 4) {
                        throw new IllegalStateException("failed at " + record.offset());
                    }
                    handled.add(record.offset());
                }))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        e -> assertThat(e.getRecord().offset()).isEqualTo(1))
                .hasRootCauseMessage("failed at 1");
        // Offset 3 shares b's key and waits behind the failed 1; the other keys went on.
        assertThat(handled).containsExactlyInAnyOrder(0L, 2L);
    }

    @Test
    void shouldHandAKeysRecordsOverTogetherInTheirOrder() {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            records.add(record("key-" + (i % 3), i));
        }
        Map<String, List<Long>> groups = new ConcurrentHashMap<>();

        parallel.handleByKey(
                records,
                record -> record,
                group -> groups.put(
                        group.get(0).key(),
                        group.stream().map(ConsumerRecord::offset).toList()));

        assertThat(groups)
                .containsOnly(
                        Map.entry("key-0", List.of(0L, 3L, 6L, 9L)),
                        Map.entry("key-1", List.of(1L, 4L, 7L, 10L)),
                        Map.entry("key-2", List.of(2L, 5L, 8L, 11L)));
    }

    @Test
    void shouldPointTheErrorHandlerAtAFailedKeysFirstRecord() {
        List<ConsumerRecord<String, byte[]>> records =
                List.of(record("a", 0), record("b", 1), record("a", 2), record("b", 3));

        assertThatThrownBy(() -> parallel.handleByKey(records, record -> record, group -> {
                    if (group.get(0).key().equals("b")) {
                        throw new IllegalStateException("b failed");
                    }
                }))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        e -> assertThat(e.getRecord().offset()).isEqualTo(1));
    }

    @Test
    void shouldHandleAKeysRecordsBeforeAnUnreadableOneAndPointAtThatOne() {
        List<ConsumerRecord<String, byte[]>> records =
                List.of(record("a", 0), record("a", 1), record("a", 2), record("a", 3));
        List<List<Long>> handled = Collections.synchronizedList(new ArrayList<>());

        assertThatThrownBy(() -> parallel.handleByKey(
                        records,
                        record -> {
                            if (record.offset() == 2) {
                                throw new IllegalArgumentException("unreadable");
                            }
                            return record.offset();
                        },
                        handled::add))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        e -> assertThat(e.getRecord().offset()).isEqualTo(2))
                .hasRootCauseMessage("unreadable");
        assertThat(handled).containsExactly(List.of(0L, 1L));
    }

    private static ConsumerRecord<String, byte[]> record(String key, long offset) {
        return new ConsumerRecord<>("topic", 0, offset, key, new byte[0]);
    }
}
