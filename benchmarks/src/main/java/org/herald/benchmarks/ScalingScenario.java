package org.herald.benchmarks;

import java.util.Locale;

/**
 * {@code scaling}: channel-webhook's delivery rate to a slow receiver (50 ms per request) with one
 * instance, then with two, each on a fresh stack, measured as the drain of the same backlog ({@link
 * BacklogDrain}). The ratio shows whether delivery scales out.
 */
final class ScalingScenario {

    private ScalingScenario() {}

    static Report run(Options options, String command) {
        int messages = options.integer("messages", 6000);
        double rate = options.number("rate", 300);
        int connections = options.integer("connections", 32);
        long delay = options.integer("receiver-delay-ms", 50);
        int more = options.integer("instances", 2);
        int warmupPerInstance = options.integer("warmup-messages", 12000);

        Report report = new Report("scaling", command);
        double[] perSecond = new double[2];
        int[] instances = {1, more};
        for (int i = 0; i < 2; i++) {
            DeliveryLedger ledger = new DeliveryLedger();
            try (Receiver receiver = Receiver.start(ledger, delay, 1024);
                    Herald herald = Herald.open(options, instances[i])) {
                BenchmarkMain.closeOnExit(herald);
                Herald.Spread account =
                        herald.spreadAccount(receiver, "slow", options.integer("webhooks", 48), IngestScenario.CONTENT);
                HttpSendTarget target = new HttpSendTarget(herald.ingestUrl(), "/send", account.bodies());
                String name = instances[i] + " channel-webhook";
                BacklogDrain.Result drain = BacklogDrain.run(
                        name,
                        herald,
                        ledger,
                        target,
                        warmupPerInstance * instances[i],
                        target,
                        messages,
                        1.0,
                        rate,
                        connections);
                perSecond[i] = drain.perSecond();
                report.add(drain.sending());
                report.figure(
                        "deliveries/s with " + name + " (" + delay + " ms receiver)",
                        String.format(Locale.ROOT, "%,.0f/s (backlog of %,d)", perSecond[i], drain.accepted()),
                        "",
                        null);
            }
        }
        double ratio = perSecond[1] / perSecond[0];
        report.figure(
                more + " instances / 1 instance", String.format(Locale.ROOT, "%.2f×", ratio), "≥ 1.8×", ratio >= 1.8);
        report.note("Each phase on a fresh stack: each channel-webhook instance drains --warmup-messages (12000)"
                + " unmeasured (the JIT compiler is still busy after 3,000), pauses its deliveries while --messages requests are accepted and dispatched, then its instances resume"
                + " together; the rate is taken between 10 % and 90 % of"
                + " the arrivals. Topics have 12 partitions: each of two instances takes 6. --webhooks (48) recipients,"
                + " 4 per partition, all on the receiver's one host: an instance delivers one recipient's requests in"
                + " order and at most its per-host bulkhead (10) at once. The table shows the sending of the backlog.");
        return report;
    }
}
