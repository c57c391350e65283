package org.herald.transport;

import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Handles the records of one poll in parallel for a batch listener: records of one key one after
 * another in their order, different keys at the same time. A record listener handles one record at
 * a time per partition, which leaves a consumer idle while each record waits for the broker's and
 * the database's acknowledgements; here those waits overlap.
 *
 * <p>The offsets of the poll are committed only when this returns. A failed record ends in a {@link
 * BatchListenerFailedException} at the earliest failed position: the error handler commits what lies
 * before it and handles that record as it would in a record listener (retried in place, or sent to
 * the dead-letter topic when unreadable). Records after it are handled again, so the handler must be
 * idempotent, as every Herald listener is.
 *
 * <p>Each record is handled inside the listener observation a record listener would open, so the
 * trace in its {@code traceparent} header continues into what the handler publishes and logs. A
 * handler that does less work for many records than for each alone takes {@link PollRecords}.
 */
public final class ParallelRecords implements AutoCloseable {

    private final ExecutorService pool;
    private final RecordObservation observation;

    /**
     * @param inFlight how many records are handled at once, over all the listener's consumers
     * @param groupId the listener's consumer group: names its threads and its observations
     */
    public ParallelRecords(int inFlight, ObservationRegistry observations, String groupId) {
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(inFlight, runnable -> {
            Thread thread = new Thread(runnable, groupId + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.observation = new RecordObservation(observations, groupId);
    }

    public void handle(List<ConsumerRecord<String, byte[]>> records, Consumer<ConsumerRecord<String, byte[]>> handler) {
        inChains(records, (chain, failures) -> {
            for (int index : chain) {
                ConsumerRecord<String, byte[]> record = records.get(index);
                try {
                    observation.observe(record, () -> handler.accept(record));
                } catch (RuntimeException e) {
                    // Later records of the key wait for this one: they are handled again.
                    failures.set(index, e);
                    return;
                }
            }
        });
    }

    /** Runs each key's chain of record positions on the pool and reports the earliest failure. */
    private void inChains(
            List<ConsumerRecord<String, byte[]>> records,
            BiConsumer<List<Integer>, AtomicReferenceArray<RuntimeException>> chainHandler) {
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (int index = 0; index < records.size(); index++) {
            // Records without a key have no order to keep among themselves.
            String key = Objects.requireNonNullElse(records.get(index).key(), "\0" + index);
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(index);
        }
        AtomicReferenceArray<RuntimeException> failures = new AtomicReferenceArray<>(records.size());
        List<CompletableFuture<Void>> chains = new ArrayList<>(byKey.size());
        for (List<Integer> chain : byKey.values()) {
            chains.add(CompletableFuture.runAsync(() -> chainHandler.accept(chain, failures), pool));
        }
        CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new)).join();
        for (int index = 0; index < records.size(); index++) {
            RuntimeException failure = failures.get(index);
            if (failure != null) {
                throw new BatchListenerFailedException(failure.getMessage(), failure, records.get(index));
            }
        }
    }

    /** After the listener's containers stopped: nothing is handed over any more. */
    @Override
    public void close() {
        pool.shutdown();
    }
}
