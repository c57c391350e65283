package org.herald.benchmarks;

import java.util.Locale;

/**
 * {@code scaling}: deliveries per second to a slow receiver (50 ms per request) with one
 * channel-webhook instance, then with two, each on a fresh stack (no backlog carried over), offered
 * the same open-loop rate. The ratio shows whether delivery scales out.
 */
final class ScalingScenario {

    private ScalingScenario() {}

    static Report run(Options options, String command) {
        double rate = options.number("rate", 400);
        double seconds = options.number("duration", 30);
        double warmup = options.number("warmup", 15);
        int connections = options.integer("connections", 32);
        long delay = options.integer("receiver-delay-ms", 50);
        int more = options.integer("instances", 2);

        Report report = new Report("scaling", command);
        double[] perSecond = new double[2];
        int[] instances = {1, more};
        for (int i = 0; i < 2; i++) {
            DeliveryLedger ledger = new DeliveryLedger();
            try (Receiver receiver = Receiver.start(ledger, delay, 1024);
                    Herald herald = Herald.open(options, instances[i])) {
                BenchmarkMain.closeOnExit(herald);
                Herald.Spread account =
                        herald.spreadAccount(receiver, "slow", options.integer("webhooks", 12), IngestScenario.CONTENT);
                HttpSendTarget target = new HttpSendTarget(herald.ingestUrl(), "/send", account.bodies());
                String name = instances[i] + " channel-webhook";
                System.out.printf(
                        "%n%s: sending %,.0f/s for %.0f s (+%.0f s warm-up) to a %d ms receiver%n",
                        name, rate, seconds, warmup, delay);
                RunResult run = LoadGenerator.run(name, target, rate, warmup, seconds, connections, null, true);
                long delivered = ledger.arrivalsBetween(run.measureStartNanos(), run.endNanos());
                perSecond[i] = delivered / seconds;
                report.add(run);
                report.figure(
                        "deliveries/s with " + name + " (" + delay + " ms receiver)",
                        String.format(Locale.ROOT, "%,.0f/s", perSecond[i]),
                        "",
                        null);
                if (perSecond[i] >= 0.95 * run.achievedRate()) {
                    report.note(name + ": delivery kept up with the offered rate, so this is not its ceiling;"
                            + " raise --rate for a true ratio.");
                }
            }
        }
        double ratio = perSecond[1] / perSecond[0];
        report.figure(
                more + " instances / 1 instance", String.format(Locale.ROOT, "%.2f×", ratio), "≥ 1.8×", ratio >= 1.8);
        report.note("Deliveries counted at the receiver between the end of the warm-up and the end of the send"
                + " schedule. Topics have 3 partitions, so a consumer group spreads over at most 3 instances.");
        return report;
    }
}
