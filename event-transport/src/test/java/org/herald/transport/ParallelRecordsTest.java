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

    private static ConsumerRecord<String, byte[]> record(String key, long offset) {
        return new ConsumerRecord<>("topic", 0, offset, key, new byte[0]);
    }
}
