package org.herald.benchmarks;

import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Waits, bounded, for the accepted messages to arrive after the load stops, or for the stack to be idle. */
final class Drain {

    private static final double SETTLE_LIMIT_SECONDS = 180;

    private Drain() {}

    /**
     * Returns when every accepted message arrived, when nothing arrived for {@code quietSeconds}, or
     * after {@code maxSeconds}: true unless messages were still arriving when the time was up (then a
     * missing message may only be late).
     */
    static boolean await(DeliveryLedger ledger, double maxSeconds, double quietSeconds) {
        long start = System.nanoTime();
        long deadline = start + (long) (maxSeconds * 1e9);
        long quiet = (long) (quietSeconds * 1e9);
        int lastCount = ledger.arrivalCount();
        long lastChange = System.nanoTime();
        long nextReport = start + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            long arrived = ledger.acceptedArrived();
            int accepted = ledger.acceptedCount();
            long now = System.nanoTime();
            if (arrived >= accepted) {
                System.out.printf("  all %,d accepted messages arrived%n", accepted);
                return true;
            }
            int count = ledger.arrivalCount();
            if (count != lastCount) {
                lastCount = count;
                lastChange = now;
            }
            if (now - lastChange > quiet || now > deadline) {
                System.out.printf(
                        "  stopped waiting: %,d of %,d accepted messages arrived (%s)%n",
                        arrived,
                        accepted,
                        now > deadline ? "time limit" : "nothing arrived for " + quietSeconds + " s");
                return now - lastChange > quiet;
            }
            if (now > nextReport) {
                System.out.printf("  draining: %,d of %,d accepted messages arrived%n", arrived, accepted);
                nextReport += TimeUnit.SECONDS.toNanos(5);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Waits {@code seconds}, then until the work of what was sent before is done: deliveries stopped
     * arriving for 3 s and no consumer group but the {@code idle} ones has records left (the projector
     * and callbacks run after the deliveries), at most {@value #SETTLE_LIMIT_SECONDS} s. Otherwise a
     * measured run would share the CPU with the dispatching, projection and callbacks of earlier sends.
     */
    static void settle(double seconds, DeliveryLedger ledger, Herald herald, Set<String> idle) {
        long deadline = System.nanoTime() + (long) (SETTLE_LIMIT_SECONDS * 1e9);
        int seen = -1;
        long quietSince = System.nanoTime();
        try {
            Thread.sleep((long) (seconds * 1000));
            while (System.nanoTime() < deadline) {
                int now = ledger.arrivalCount();
                if (now != seen) {
                    seen = now;
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince > 3_000_000_000L && herald.consumerLag(idle) == 0) {
                    return;
                }
                Thread.sleep(500);
            }
            System.out.printf(
                    "  (the previous run's work was still going on after %.0f s: %,d records not yet consumed)%n",
                    SETTLE_LIMIT_SECONDS, herald.consumerLag(idle));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
