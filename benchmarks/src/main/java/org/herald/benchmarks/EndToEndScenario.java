package org.herald.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * {@code e2e}: sends through the gateway (or straight to ingest) at a fixed rate to a webhook that
 * is the benchmark's own receiver, and measures accepted → received per message: from the send's
 * intended start to its first arrival. Measured after real sends through the whole pipeline warmed
 * every service up and the stack went quiet again.
 */
final class EndToEndScenario {

    private static final String ACCEPTED_TOPIC = "herald.messages";
    private static final String REQUESTED_TOPIC = "herald.deliveries.webhook";

    private EndToEndScenario() {}

    static Report run(Options options, String command) {
        double rate = options.number("rate", 1000);
        double seconds = options.number("duration", 30);
        double warmup = options.number("warmup", 10);
        int connections = options.integer("connections", 64);
        boolean viaGateway = !options.text("target", "gateway").equals("ingest");
        long delay = options.integer("receiver-delay-ms", 0);

        Report report = new Report("e2e", command);
        DeliveryLedger ledger = new DeliveryLedger();
        try (Receiver receiver = Receiver.start(ledger, delay, 128);
                Herald herald = Herald.open(options, 1)) {
            BenchmarkMain.closeOnExit(herald);
            Herald.Spread account =
                    herald.spreadAccount(receiver, "bench", options.integer("webhooks", 12), IngestScenario.CONTENT);
            StackWarmup.run(
                    herald,
                    account.bodies(),
                    viaGateway,
                    options.number("stack-warmup", 15),
                    options.number("jit-warmup", 20));
            // The refused sends of the JIT warm-up reach neither the dispatcher, the projector nor
            // channel-webhook: measured right after them, a quarter of ingest's and channel-webhook's CPU
            // 80 s into a 300/s run was their compiler threads'. Real sends through the pipeline, at a
            // rate it holds, then a quiet stack, so the measurement sees the services as they run warm.
            StackWarmup.steady(
                    herald,
                    account.bodies(),
                    !viaGateway,
                    viaGateway,
                    options.number("steady-warmup-rate", 250),
                    options.number("steady-warmup", 180));
            Drain.settle(5, ledger, herald, Set.of());
            String name = viaGateway ? "gateway" : "ingest direct";
            HttpSendTarget target = new HttpSendTarget(
                    viaGateway ? herald.gatewayUrl() : herald.ingestUrl(), "/send", account.bodies());
            TopicTimestamps steps =
                    new TopicTimestamps(herald.kafkaBootstrapServers(), List.of(ACCEPTED_TOPIC, REQUESTED_TOPIC));
            System.out.printf(
                    "%n%s at %,.0f/s for %.0f s (+%.0f s warm-up), end to end%n", name, rate, seconds, warmup);
            RunResult run;
            try {
                run = LoadGenerator.run(
                        name,
                        target,
                        rate,
                        warmup,
                        seconds,
                        connections,
                        (shortCode, intended, acceptedAt) -> ledger.accepted(shortCode, intended),
                        true);
                Drain.await(ledger, options.number("drain", 60), 20);
            } finally {
                steps.close();
            }
            Histogram e2e = ledger.endToEndMicros(run.measureStartNanos());
            DeliveryLedger.Tally tally = ledger.tally();
            report.add(run);
            report.plot("accept (" + name + ")", run.latencyMicros());
            report.plot("accepted → received", e2e);
            double p99 = e2e.getTotalCount() == 0 ? Double.NaN : e2e.getValueAtPercentile(99) / 1000.0;
            report.figure(
                    "accepted → received p50 / p90 / p99 / p99.9 / max at " + Math.round(rate) + "/s",
                    e2e.getTotalCount() == 0
                            // The schedule fell so far behind that every answer went to warm-up sends.
                            ? "none measured: no send of the measured window was accepted"
                            : String.format(
                                    Locale.ROOT,
                                    "%.1f / %.1f / %.1f / %.1f / %.1f ms",
                                    e2e.getValueAtPercentile(50) / 1000.0,
                                    e2e.getValueAtPercentile(90) / 1000.0,
                                    p99,
                                    e2e.getValueAtPercentile(99.9) / 1000.0,
                                    e2e.getMaxValue() / 1000.0),
                    "p99 ≤ 50 ms",
                    p99 <= 50);
            report.figure(
                    "accepted over the whole run, warm-up included",
                    String.format(
                            Locale.ROOT,
                            "%,d (%,.0f/s of %,.0f/s offered)",
                            run.totalOk(),
                            run.totalOk() / (warmup + seconds),
                            rate),
                    "",
                    null);
            report.figure(
                    "accept p50 / p99 (" + name + ")",
                    IngestScenario.ms(run.percentileMillis(50)) + " / " + IngestScenario.ms(run.percentileMillis(99)),
                    "",
                    null);
            reportSteps(report, ledger, steps, run.measureStartNanos());
            report.figure("messages measured end to end", String.valueOf(e2e.getTotalCount()), "", null);
            report.figure("accepted but never received (lost)", String.valueOf(tally.lost()), "0", tally.lost() == 0);
            report.figure("duplicate deliveries", String.valueOf(tally.duplicates()), "", null);
            report.note("End to end = first arrival at the receiver − the send's intended start, so it includes the"
                    + " accept latency; warm-up messages are left out. The steps split it at the producer timestamps"
                    + " of the message's accepted event on " + ACCEPTED_TOPIC + " and of its first delivery request on "
                    + REQUESTED_TOPIC + " (millisecond resolution; the step percentiles do not add up to the"
                    + " end-to-end ones).");
        }
        return report;
    }

    /**
     * Where the time of a measured message went: to its accepted event (the gateway and ingest's
     * accept), to its delivery request (the dispatcher), to its arrival (channel-webhook).
     */
    private static void reportSteps(Report report, DeliveryLedger ledger, TopicTimestamps steps, long fromNanos) {
        Histogram accept = new Histogram(3);
        Histogram dispatch = new Histogram(3);
        Histogram deliver = new Histogram(3);
        ledger.forEachArrived(fromNanos, (shortCode, intended, arrival) -> {
            Long accepted = steps.first(ACCEPTED_TOPIC, shortCode);
            Long requested = steps.first(REQUESTED_TOPIC, shortCode);
            if (accepted != null && requested != null) {
                accept.recordValue(Math.max(1, (accepted - intended) / 1000));
                dispatch.recordValue(Math.max(1, (requested - accepted) / 1000));
                deliver.recordValue(Math.max(1, (arrival - requested) / 1000));
            }
        });
        report.figure("step: send due → accepted event published, p50 / p99", stepMillis(accept), "", null);
        report.figure(
                "step: accepted event → delivery request published (dispatcher), p50 / p99",
                stepMillis(dispatch),
                "",
                null);
        report.figure("step: delivery request → received (channel-webhook), p50 / p99", stepMillis(deliver), "", null);
    }

    private static String stepMillis(Histogram step) {
        return step.getTotalCount() == 0
                ? "no message seen on both topics"
                : String.format(
                        Locale.ROOT,
                        "%.1f / %.1f ms (%,d messages)",
                        step.getValueAtPercentile(50) / 1000.0,
                        step.getValueAtPercentile(99) / 1000.0,
                        step.getTotalCount());
    }
}
