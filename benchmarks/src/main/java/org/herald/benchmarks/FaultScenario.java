package org.herald.benchmarks;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.herald.localstack.LocalStack;

/**
 * {@code broker-fault}, {@code channel-fault}, {@code ingest-fault}: steady load straight to ingest;
 * mid-run one component is killed with {@code kill -9} and started again. Afterwards the receiver
 * holds each accepted message up against what arrived: lost (must be 0), duplicates, longest stall.
 */
final class FaultScenario {

    /** What each fault scenario kills, its default rate and its duplicate budget. */
    enum Fault {
        BROKER("broker-fault", "kafka", 2000, 0.0),
        CHANNEL("channel-fault", "channel-webhook", 1000, 0.001),
        INGEST("ingest-fault", "ingest-service", 1000, 0.001);

        final String scenario;
        final String component;
        final double rate;
        final double duplicateBudget;

        Fault(String scenario, String component, double rate, double duplicateBudget) {
            this.scenario = scenario;
            this.component = component;
            this.rate = rate;
            this.duplicateBudget = duplicateBudget;
        }

        static Fault of(String scenario) {
            for (Fault fault : values()) {
                if (fault.scenario.equals(scenario)) {
                    return fault;
                }
            }
            throw new IllegalArgumentException("no fault scenario " + scenario);
        }
    }

    private FaultScenario() {}

    static Report run(Fault fault, Options options, String command) {
        double rate = options.number("rate", fault.rate);
        // Long enough to see acceptance come back after a restart that can take half a minute.
        double seconds = options.number("duration", 90);
        double killAt = options.number("kill-at", 20);
        double down = options.number("down", 5);
        int connections = options.integer("connections", 64);

        Report report = new Report(fault.scenario, command);
        DeliveryLedger ledger = new DeliveryLedger();
        try (Receiver receiver = Receiver.start(ledger, 0, 64);
                Herald herald = Herald.open(options, 1)) {
            BenchmarkMain.closeOnExit(herald);
            LocalStack stack = herald.stack()
                    .orElseThrow(() ->
                            new IllegalStateException("fault scenarios need the stack they start (no --ingest-url)"));
            Herald.Spread account =
                    herald.spreadAccount(receiver, "bench", options.integer("webhooks", 12), IngestScenario.CONTENT);
            HttpSendTarget target = new HttpSendTarget(herald.ingestUrl(), "/send", account.bodies());
            System.out.printf(
                    "%nsending %,.0f/s for %.0f s straight to ingest; kill -9 %s at %.0f s, start it again %.0f s later%n",
                    rate, seconds, fault.component, killAt, down);
            long started = System.nanoTime();
            CompletableFuture<RunResult> load = CompletableFuture.supplyAsync(() -> LoadGenerator.run(
                    "ingest direct",
                    target,
                    rate,
                    0,
                    seconds,
                    connections,
                    (shortCode, intended, acceptedAt) -> ledger.accepted(shortCode, intended),
                    true));
            sleepUntil(started + (long) (killAt * 1e9));
            System.out.printf("  >>> kill -9 %s%n", fault.component);
            stack.kill(fault.component);
            sleepUntil(System.nanoTime() + (long) (down * 1e9));
            System.out.printf("  >>> starting %s again%n", fault.component);
            long restartStarted = System.nanoTime();
            stack.restart(fault.component);
            double restartSeconds = (System.nanoTime() - restartStarted) / 1e9;
            System.out.printf("  >>> %s is back after %.1f s%n", fault.component, restartSeconds);
            RunResult run = load.join();
            boolean settled = Drain.await(ledger, options.number("drain", 300), options.number("quiet", 60));
            DeliveryLedger.Tally tally = ledger.tally();
            report.add(run);
            report.plot("accept (ingest direct)", run.latencyMicros());
            report.plot("accepted → received", ledger.endToEndMicros(0));
            report.figure("accepted", String.format(Locale.ROOT, "%,d", tally.accepted()), "", null);
            report.figure(
                    settled ? "lost (accepted, never received)" : "not received yet when the drain time ran out",
                    String.valueOf(tally.lost()),
                    "0",
                    tally.lost() == 0);
            if (!settled) {
                report.note("Deliveries were still arriving when --drain ran out: the missing messages may only be"
                        + " late, not lost. Run again with a longer --drain for a verdict.");
            }
            report.figure(
                    "duplicates (arrivals beyond the first per delivery id)",
                    String.format(Locale.ROOT, "%d (%.3f %%)", tally.duplicates(), 100 * tally.duplicateRatio()),
                    fault.duplicateBudget == 0 ? "goal 0" : "≤ " + (100 * fault.duplicateBudget) + " %",
                    tally.duplicateRatio() <= fault.duplicateBudget);
            report.figure(
                    "longest stall at the receiver",
                    String.format(Locale.ROOT, "%,d ms", tally.longestStallMillis()),
                    "",
                    null);
            report.figure(
                    "longest stall of acceptance",
                    String.format(Locale.ROOT, "%,d ms", run.longestAcceptStallMillis()),
                    "",
                    null);
            long notSent = run.errorKinds().getOrDefault(LoadGenerator.NOT_SENT, 0L);
            report.figure(
                    "sends refused (answered, but not with code 200)",
                    String.format(Locale.ROOT, "%,d", run.totalErrors() - notSent),
                    "",
                    null);
            report.figure(
                    "sends not made: the schedule fell behind and the run's time was up",
                    String.format(Locale.ROOT, "%,d", notSent),
                    "",
                    null);
            report.figure(
                    "delivered though never acknowledged to the sender",
                    String.valueOf(tally.unacknowledgedDelivered()),
                    "",
                    null);
            report.figure(
                    fault.component + " back after", String.format(Locale.ROOT, "%.1f s", restartSeconds), "", null);
            run.errorKinds().forEach((kind, count) -> report.note("refused send: " + kind + " × " + count));
            report.note("Killed with SIGKILL (no shutdown), started again on the same data"
                    + (fault == Fault.BROKER ? " (the broker's log directory)" : "") + ". Lost counts only messages"
                    + " whose /send was answered with code 200.");
        }
        return report;
    }

    private static void sleepUntil(long nanos) {
        long wait;
        while ((wait = nanos - System.nanoTime()) > 0) {
            try {
                Thread.sleep(Math.max(1, wait / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
