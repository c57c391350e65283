package org.herald.channel.webhook.delivery;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One lane per recipient (decision 60): a recipient's deliveries are made one after another, in the
 * order they were handed in, while different recipients' deliveries run side by side, at most
 * {@code inFlight} at once in this instance.
 *
 * <p>A consumer hands in every record of its poll at once and takes its next poll when all of them
 * are acknowledged, so deliveries in flight are no longer bounded by the partitions: an instance keeps
 * {@code inFlight} of them going however few partitions it owns, and a second instance adds as many.
 * The order a robot group sees its messages in is kept, because a lane starts a recipient's next
 * delivery only after the previous one's post was answered.
 */
public final class DeliveryLanes implements AutoCloseable {

    /** A delivery's work: runs on a lane thread; its future completes when its outcome is durable. */
    @FunctionalInterface
    interface Work {
        CompletableFuture<Void> run();
    }

    private final ThreadPoolExecutor pool;
    /** Per lane, the latest delivery handed in: completes when that one's work has returned. */
    private final ConcurrentHashMap<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    /** @param inFlight how many deliveries this instance makes at once, over all its consumers */
    DeliveryLanes(int inFlight) {
        if (inFlight < 1) {
            throw new IllegalArgumentException("herald.webhook.deliveries-in-flight must be at least 1");
        }
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                inFlight, inFlight, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "webhook-delivery-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Queues {@code work} behind the lane's earlier deliveries.
     *
     * @return completes as the work's own future does, or exceptionally with what the work threw
     */
    CompletableFuture<Void> submit(String lane, Work work) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        CompletableFuture<Void> returned = new CompletableFuture<>();
        CompletableFuture<Void> previous = tails.put(lane, returned);
        Runnable step = () -> {
            try {
                work.run().whenComplete((ignored, failure) -> {
                    if (failure == null) {
                        result.complete(null);
                    } else {
                        result.completeExceptionally(
                                failure instanceof CompletionException && failure.getCause() != null
                                        ? failure.getCause()
                                        : failure);
                    }
                });
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            } finally {
                tails.remove(lane, returned);
                returned.complete(null);
            }
        };
        Runnable queue = () -> {
            try {
                pool.execute(step);
            } catch (RejectedExecutionException e) {
                // Shutting down: the record is not acknowledged and comes back after the restart.
                result.completeExceptionally(e);
                tails.remove(lane, returned);
                returned.complete(null);
            }
        };
        if (previous == null) {
            queue.run();
        } else {
            previous.whenComplete((ignored, failure) -> queue.run());
        }
        return result;
    }

    /** No delivery is queued or running: what consumers handed in is finished. */
    public boolean idle() {
        return tails.isEmpty();
    }

    /**
     * After the listener containers stopped: lets the deliveries already posting finish (their records
     * are redelivered if their acknowledgement no longer reaches a commit; the delivered ledger keeps
     * them from being posted twice) and drops the queued ones, which come back the same way.
     */
    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        // Not shutdownNow: it would interrupt the posts under way, which then count as failed attempts.
        pool.getQueue().clear();
        pool.awaitTermination(15, TimeUnit.SECONDS);
    }
}
