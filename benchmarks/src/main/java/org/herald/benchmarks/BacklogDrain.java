package org.herald.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.herald.localstack.LocalStack;

/**
 * channel-webhook's own delivery rate. Its instances are stopped while a backlog of delivery requests
 * builds up (ingest accepts and dispatches with nothing delivering), then started together, and the
 * rate is taken between 10 % and 90 % of the expected arrivals. Accepting and dispatching are over by
 * then, so on a machine whose cores every service shares, the figure is the channel's rather than the
 * whole pipeline's; the start-up of the instances and the tail are left out.
 */
final class BacklogDrain {

    /**
     * @param accepted messages ingest accepted for the backlog
     * @param expected arrivals that should come of them (the share sent to answering targets)
     * @param perSecond arrivals per second between 10 % and 90 % of {@code expected}; NaN when fewer
     *     than 90 % arrived in time
     */
    record Result(RunResult sending, long accepted, long expected, double perSecond) {}

    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(90);

    private BacklogDrain() {}

    /**
     * @param arrivingShare the share of sends whose target answers (1 when all do)
     * @param rate the rate the backlog is sent at (straight to ingest)
     */
    static Result run(
            String name,
            Herald herald,
            DeliveryLedger ledger,
            HttpSendTarget target,
            int messages,
            double arrivingShare,
            double rate,
            int connections) {
        LocalStack stack = herald.stack()
                .orElseThrow(() -> new IllegalStateException(name + " stops and starts channel-webhook: it needs the"
                        + " stack the benchmark starts, not --ingest-url"));
        List<String> instances = stack.componentNames().stream()
                .filter(component -> component.startsWith("channel-webhook"))
                .toList();
        System.out.printf("%n%s: stopping %s; sending %,d messages at %,.0f/s%n", name, instances, messages, rate);
        instances.forEach(stack::stop);
        RunResult sending = LoadGenerator.run(
                name + " backlog",
                target,
                rate,
                0,
                messages / rate,
                connections,
                (shortCode, intended, acceptedAt) -> ledger.accepted(shortCode, intended),
                true);
        long accepted = ledger.acceptedCount();
        awaitDispatched(herald, accepted);
        long expected = Math.round(accepted * arrivingShare);
        System.out.printf("  %,d requests queued; starting %s%n", accepted, instances);
        stack.restartServices(instances);
        awaitArrivals(ledger, expected);
        return new Result(sending, accepted, expected, ledger.steadyRate(expected, 0.1, 0.9));
    }

    private static void awaitDispatched(Herald herald, long accepted) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        long published;
        while ((published = herald.webhookRequestsPublished()) < accepted) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "ingest dispatched only " + published + " of " + accepted + " messages in 5 minutes");
            }
            sleep(1000);
        }
    }

    /** Until 90 % arrived and then all, or nothing arrived for a while. */
    private static void awaitArrivals(DeliveryLedger ledger, long expected) {
        long lastCount = -1;
        long lastProgress = System.nanoTime();
        long lastPrint = 0;
        while (true) {
            int count = ledger.arrivalCount();
            long now = System.nanoTime();
            if (count != lastCount) {
                lastCount = count;
                lastProgress = now;
            }
            if (count >= expected || now - lastProgress > PATIENCE_NANOS) {
                return;
            }
            if (now - lastPrint > TimeUnit.SECONDS.toNanos(5)) {
                System.out.printf("  draining: %,d of %,d arrived%n", count, expected);
                lastPrint = now;
            }
            sleep(200);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
