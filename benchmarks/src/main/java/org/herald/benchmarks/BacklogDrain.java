package org.herald.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * channel-webhook's own delivery rate, warm. Its instances first drain a warm-up backlog (so the drain
 * measures compiled code, not the JIT compiler: a fresh instance takes most of a 40 s drain to reach
 * its pace), then pause their deliveries ({@code /actuator/deliveries}) while a backlog of delivery
 * requests builds up (ingest accepts and dispatches with nothing delivering), then resume together,
 * and the rate is taken between 10 % and 90 % of the expected arrivals. Accepting and dispatching are
 * over by then, so on a machine whose cores every service shares, the figure is the channel's rather
 * than the whole pipeline's; the resumption and the tail are left out.
 */
final class BacklogDrain {

    /**
     * @param accepted messages ingest accepted for the backlog
     * @param expected arrivals that should come of them (the share sent to answering targets)
     * @param perSecond arrivals per second between 10 % and 90 % of {@code expected}; NaN when fewer
     *     than 90 % arrived in time
     */
    record Result(RunResult sending, long accepted, long expected, double perSecond) {}

    private record Sent(RunResult sending, long accepted) {}

    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(90);

    private BacklogDrain() {}

    /**
     * @param warmup sends to answering targets only, {@code warmupMessages} of them delivered before
     *     the backlog
     * @param arrivingShare the share of sends whose target answers (1 when all do)
     * @param rate the rate the warm-up and the backlog are sent at (straight to ingest)
     */
    static Result run(
            String name,
            Herald herald,
            DeliveryLedger ledger,
            HttpSendTarget warmup,
            int warmupMessages,
            HttpSendTarget target,
            int messages,
            double arrivingShare,
            double rate,
            int connections) {
        if (herald.stack().isEmpty()) {
            throw new IllegalStateException(name + " pauses and resumes channel-webhook: it needs the stack the"
                    + " benchmark starts, not --ingest-url");
        }
        if (warmupMessages > 0) {
            // The warm-up is a drain too, shaped as the measured one: a consumer handed hundreds of
            // records per poll, lanes queueing behind one another, the bulkhead full. Delivered as they
            // come in, the same messages left the drain's own paths to be compiled (and code compiled
            // for the trickle deoptimised) during the measured drain: 25-50 % of every service's CPU
            // went to its compiler threads there.
            System.out.printf("%n%s: warming up with a drain of %,d messages%n", name, warmupMessages);
            Sent warm = drain(
                    name + " warm-up", herald, warmup, warmupMessages, rate, connections, (id, intended, at) -> {});
            awaitArrivals(ledger, 0, warm.accepted());
        }
        int warmArrivals = ledger.arrivalCount();
        Sent backlog = drain(
                name + " backlog",
                herald,
                target,
                messages,
                rate,
                connections,
                (shortCode, intended, acceptedAt) -> ledger.accepted(shortCode, intended));
        long expected = Math.round(backlog.accepted() * arrivingShare);
        awaitArrivals(ledger, warmArrivals, expected);
        return new Result(
                backlog.sending(), backlog.accepted(), expected, ledger.steadyRate(warmArrivals, expected, 0.1, 0.9));
    }

    /**
     * Pauses the deliveries, sends {@code messages} at {@code rate}, waits until ingest dispatched
     * them all and resumes the deliveries; the caller awaits the arrivals.
     */
    private static Sent drain(
            String name,
            Herald herald,
            HttpSendTarget target,
            int messages,
            double rate,
            int connections,
            LoadGenerator.AcceptListener onAccepted) {
        herald.pauseDeliveries(true);
        long publishedBefore = herald.webhookRequestsPublished();
        System.out.printf("%s: deliveries paused; sending %,d messages at %,.0f/s%n", name, messages, rate);
        LongAdder accepted = new LongAdder();
        RunResult sending = LoadGenerator.run(
                name,
                target,
                rate,
                0,
                messages / rate,
                connections,
                (shortCode, intended, acceptedAt) -> {
                    accepted.increment();
                    onAccepted.accepted(shortCode, intended, acceptedAt);
                },
                true);
        awaitDispatched(herald, publishedBefore + accepted.sum());
        System.out.printf("  %,d requests queued; resuming deliveries%n", accepted.sum());
        herald.pauseDeliveries(false);
        return new Sent(sending, accepted.sum());
    }

    private static void awaitDispatched(Herald herald, long published) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        long now;
        while ((now = herald.webhookRequestsPublished()) < published) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "ingest dispatched only " + now + " of " + published + " delivery requests in 5 minutes");
            }
            Herald.sleep(1000);
        }
    }

    /** Until {@code expected} arrived after the {@code earlier} ones, or nothing arrived for a while. */
    private static void awaitArrivals(DeliveryLedger ledger, int earlier, long expected) {
        long lastCount = -1;
        long lastProgress = System.nanoTime();
        long lastPrint = 0;
        while (true) {
            int count = ledger.arrivalCount() - earlier;
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
            Herald.sleep(200);
        }
    }
}
