package org.herald.benchmarks;

import java.util.concurrent.TimeUnit;

/** Waits, bounded, for the accepted messages to arrive after the load stops. */
final class Drain {

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
}
