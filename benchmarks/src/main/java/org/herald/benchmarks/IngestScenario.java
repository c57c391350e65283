package org.herald.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code ingest}: {@code /send} straight to ingest and through the gateway at a fixed rate, then the
 * ceiling of each, with three references measured in the same invocation: a bare HTTP endpoint
 * (the ceiling for any HTTP service here), a raw Kafka producer (the ceiling for durable acceptance)
 * on the same broker, and the two together: a bare HTTP endpoint that answers once its record is
 * acknowledged (the ceiling for any service keeping ingest's promise here, with none of its work).
 */
final class IngestScenario {

    /** About the size of a real notification. */
    static final String CONTENT = "Build #1234 of herald/main passed in 3m12s. All 1,024 tests green; "
            + "coverage 87.5 %. Deployed to staging at 10:42 by the pipeline. Nothing else to report.";

    /**
     * The gateway's circuit breaker on ingest stays open 30 s after an overload (a failing ceiling step
     * of ingest direct causes one): a gateway run starts after it closed, or it would measure the breaker.
     */
    private static final double BREAKER_WAIT_SECONDS = 35;

    /** channel-webhook's consumer group: idle while its deliveries are paused. */
    private static final String WEBHOOK_GROUP = "channel-webhook";

    private static final String BARE_HTTP = "bare HTTP (reference)";
    private static final String RAW_KAFKA = "raw Kafka producer (reference)";
    private static final String BARE_HTTP_AND_KAFKA = "bare HTTP + Kafka (reference)";

    private IngestScenario() {}

    static Report run(Options options, String command) {
        double rate = options.number("rate", 2000);
        double seconds = options.number("duration", 30);
        double warmup = options.number("warmup", 10);
        int connections = options.integer("connections", 64);
        String which = options.text("target", "both");
        boolean ceiling = !options.flag("no-ceiling");
        boolean references = !options.flag("no-references");
        // Ingest alone: channel-webhook holds every delivery, so the cores are ingest's (and its broker's,
        // Redis', PostgreSQL's) rather than shared with delivering what was accepted a moment before.
        boolean deliveriesPaused = options.flag("deliveries-paused");
        List<Double> steps = Ceiling.rates(
                options.number("ceiling-start", 1000),
                options.number("ceiling-step", 1000),
                options.number("ceiling-max", 12000));
        double stepSeconds = options.number("step-seconds", 8);
        Ceiling.Limits limits = new Ceiling.Limits(0.01, options.number("ceiling-p99-ms", 100), 0.95);
        int recordBytes = options.integer("record-bytes", 1024);
        double settle = options.number("settle-seconds", 5);
        boolean direct = which.equals("both") || which.equals("ingest");
        boolean viaGateway = which.equals("both") || which.equals("gateway");

        Report report = new Report("ingest", command);
        DeliveryLedger ledger = new DeliveryLedger();
        try (Receiver receiver = Receiver.start(ledger, 0, 64);
                Herald herald = Herald.open(options, 1);
                BareHttpServer bare = new BareHttpServer()) {
            BenchmarkMain.closeOnExit(herald);
            List<String> bodies = herald.spreadAccount(receiver, "bench", options.integer("webhooks", 12), CONTENT)
                    .bodies();
            StackWarmup.run(
                    herald, bodies, viaGateway, options.number("stack-warmup", 15), options.number("jit-warmup", 20));
            Set<String> idle = Set.of();
            if (deliveriesPaused) {
                herald.pauseDeliveries(true);
                idle = Set.of(WEBHOOK_GROUP);
            }
            StackWarmup.steady(
                    herald,
                    bodies,
                    direct,
                    viaGateway,
                    options.number("steady-warmup-rate", 800),
                    options.number("steady-warmup", 60));
            Map<String, LoadGenerator.Target> targets = new LinkedHashMap<>();
            if (direct) {
                targets.put("ingest direct", new HttpSendTarget(herald.ingestUrl(), "/send", bodies));
            }
            if (viaGateway) {
                targets.put("gateway", new HttpSendTarget(herald.gatewayUrl(), "/send", bodies));
            }
            KafkaReference kafka = null;
            BareHttpServer durable = null;
            if (references) {
                targets.put(BARE_HTTP, new HttpSendTarget(bare.url(), "/send", bodies));
                kafka = new KafkaReference(herald.kafkaBootstrapServers(), recordBytes, 6);
                targets.put(RAW_KAFKA, kafka);
                durable = new BareHttpServer(kafka::publish);
                targets.put(BARE_HTTP_AND_KAFKA, new HttpSendTarget(durable.url(), "/send", bodies));
            }
            try {
                Map<String, RunResult> fixed = new LinkedHashMap<>();
                for (Map.Entry<String, LoadGenerator.Target> target : targets.entrySet()) {
                    Drain.settle(
                            target.getKey().equals("gateway") ? Math.max(settle, BREAKER_WAIT_SECONDS) : settle,
                            ledger,
                            herald,
                            idle);
                    System.out.printf(
                            "%n%s at %,.0f/s for %.0f s (+%.0f s warm-up)%n", target.getKey(), rate, seconds, warmup);
                    RunResult result = LoadGenerator.run(
                            target.getKey(), target.getValue(), rate, warmup, seconds, connections, null, true);
                    fixed.put(target.getKey(), result);
                    report.add(result);
                    report.plot(target.getKey() + " @" + Math.round(rate) + "/s", result.latencyMicros());
                }
                Map<String, Ceiling.Result> ceilings = new LinkedHashMap<>();
                if (ceiling) {
                    for (Map.Entry<String, LoadGenerator.Target> target : targets.entrySet()) {
                        Drain.settle(
                                target.getKey().equals("gateway") ? Math.max(settle, BREAKER_WAIT_SECONDS) : settle,
                                ledger,
                                herald,
                                idle);
                        System.out.printf("%nceiling of %s%n", target.getKey());
                        Ceiling.Result found = Ceiling.find(
                                target.getKey(),
                                steps,
                                limits,
                                stepRate -> LoadGenerator.run(
                                        target.getKey() + " ceiling",
                                        target.getValue(),
                                        stepRate,
                                        2,
                                        stepSeconds,
                                        connections,
                                        null,
                                        true));
                        ceilings.put(target.getKey(), found);
                        found.steps().forEach(report::add);
                        System.out.printf(
                                "  ceiling of %s: %s (%s)%n",
                                target.getKey(),
                                Double.isNaN(found.ceilingPerSecond())
                                        ? "below the first step"
                                        : String.format(Locale.ROOT, "%,.0f/s", found.ceilingPerSecond()),
                                found.stoppedBecause());
                    }
                }
                figures(report, rate, fixed, ceilings, limits);
            } finally {
                if (durable != null) {
                    durable.close();
                }
                if (kafka != null) {
                    kafka.close();
                }
            }
            report.note(String.format(
                    Locale.ROOT,
                    "Open loop, %d connections, latency from each request's intended start (coordinated-omission-correct)."
                            + " Ceiling steps of %.0f s (2 s warm-up) until > 1 %% errors, p99 > %.0f ms or < 95 %% of the rate accepted.",
                    connections,
                    stepSeconds,
                    limits.maxP99Millis()));
            report.note((deliveriesPaused
                            ? "channel-webhook's deliveries were paused (--deliveries-paused): ingest accepted and"
                                    + " dispatched each message, nothing was delivered while measuring."
                            : "Accepted messages are delivered to the benchmark's own receiver meanwhile"
                                    + " (channel-webhook at work on the same cores).")
                    + " The raw producer writes " + recordBytes
                    + "-byte records with acks=all, idempotent, each worker awaiting its acknowledgement as ingest does;"
                    + " the bare HTTP + Kafka endpoint does the same per request before it answers.");
        }
        return report;
    }

    private static void figures(
            Report report,
            double rate,
            Map<String, RunResult> fixed,
            Map<String, Ceiling.Result> ceilings,
            Ceiling.Limits limits) {
        RunResult direct = fixed.get("ingest direct");
        RunResult gateway = fixed.get("gateway");
        String at = " at " + Math.round(rate) + "/s";
        if (direct != null) {
            report.figure(
                    "ingest direct: accept p99" + at,
                    ms(direct.percentileMillis(99)),
                    "≤ 50 ms",
                    direct.percentileMillis(99) <= 50);
        }
        if (direct != null && gateway != null) {
            double p50 = gateway.percentileMillis(50) - direct.percentileMillis(50);
            double p99 = gateway.percentileMillis(99) - direct.percentileMillis(99);
            report.figure("gateway adds at p50" + at, ms(p50), "≤ 2 ms", p50 <= 2);
            report.figure("gateway adds at p99" + at, ms(p99), "≤ 10 ms", p99 <= 10);
        }
        Ceiling.Result directCeiling = ceilings.get("ingest direct");
        Ceiling.Result gatewayCeiling = ceilings.get("gateway");
        if (directCeiling != null) {
            report.figure(
                    "ingest direct: ceiling (accepted/s)",
                    perSecond(directCeiling),
                    "≥ 5,000/s",
                    directCeiling.ceilingPerSecond() >= 5000);
        }
        if (gatewayCeiling != null) {
            report.figure("gateway: ceiling (accepted/s)", perSecond(gatewayCeiling), "", null);
        }
        if (directCeiling != null && gatewayCeiling != null) {
            double ratio = gatewayCeiling.ceilingPerSecond() / directCeiling.ceilingPerSecond();
            report.figure("gateway ceiling / direct ceiling", percent(ratio), "≥ 60 %", ratio >= 0.6);
        }
        for (String reference : List.of(BARE_HTTP, RAW_KAFKA, BARE_HTTP_AND_KAFKA)) {
            Ceiling.Result ref = ceilings.get(reference);
            if (ref != null) {
                report.figure(reference + ": ceiling", perSecond(ref), "", null);
                if (directCeiling != null) {
                    report.figure(
                            "ingest direct ceiling / " + reference.replace(" (reference)", ""),
                            percent(directCeiling.ceilingPerSecond() / ref.ceilingPerSecond()),
                            "",
                            null);
                }
            }
            RunResult refFixed = fixed.get(reference);
            if (refFixed != null && direct != null) {
                report.figure(
                        "ingest direct p50 / p99 vs " + reference.replace(" (reference)", "") + at,
                        ms(direct.percentileMillis(50)) + " / " + ms(direct.percentileMillis(99)) + " vs "
                                + ms(refFixed.percentileMillis(50)) + " / " + ms(refFixed.percentileMillis(99)),
                        "",
                        null);
            }
        }
        List<String> stops = new ArrayList<>();
        ceilings.forEach((name, result) -> stops.add(name + " stopped " + result.stoppedBecause()));
        if (!stops.isEmpty()) {
            report.note("Ceilings: " + String.join("; ", stops) + ".");
        }
    }

    static String ms(double millis) {
        return Double.isNaN(millis) ? "–" : String.format(Locale.ROOT, "%.2f ms", millis);
    }

    static String percent(double ratio) {
        return Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, "%.0f %%", 100 * ratio);
    }

    private static String perSecond(Ceiling.Result result) {
        return Double.isNaN(result.ceilingPerSecond())
                ? "below the first step (" + result.stoppedBecause() + ")"
                : String.format(Locale.ROOT, "%,.0f/s", result.ceilingPerSecond());
    }
}
