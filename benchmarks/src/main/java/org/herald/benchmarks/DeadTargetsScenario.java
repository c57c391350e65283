package org.herald.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code dead-targets}: messages spread over ten webhooks; first all answer, then one in ten is a
 * target that accepts connections and never answers. Each phase on a fresh stack. Healthy
 * deliveries per second should drop by at most 10 %.
 */
final class DeadTargetsScenario {

    private static final int WEBHOOKS = 10;

    private DeadTargetsScenario() {}

    static Report run(Options options, String command) {
        double rate = options.number("rate", 2000);
        double seconds = options.number("duration", 30);
        double warmup = options.number("warmup", 10);
        int connections = options.integer("connections", 64);
        int dead = options.integer("dead", 1);

        Report report = new Report("dead-targets", command);
        double[] healthyPerSecond = new double[2];
        double[] offered = new double[2];
        for (int phase = 0; phase < 2; phase++) {
            int deadCount = phase == 0 ? 0 : dead;
            String name = phase == 0 ? "all healthy" : deadCount + " of " + WEBHOOKS + " dead";
            DeliveryLedger ledger = new DeliveryLedger();
            try (Receiver receiver = Receiver.start(ledger, 0, 64);
                    DeadTarget deadTarget = new DeadTarget();
                    Herald herald = Herald.open(options, 1)) {
                BenchmarkMain.closeOnExit(herald);
                Map<String, String> webhooks = new LinkedHashMap<>();
                for (int w = 0; w < WEBHOOKS; w++) {
                    String code = "w" + w;
                    webhooks.put(code, w >= WEBHOOKS - deadCount ? deadTarget.url(code) : receiver.url(code));
                }
                String token = herald.createAccount(webhooks);
                List<String> bodies = new ArrayList<>();
                webhooks.keySet()
                        .forEach(code -> bodies.add(HttpSendTarget.sendBody(token, code, IngestScenario.CONTENT)));
                HttpSendTarget target = new HttpSendTarget(herald.ingestUrl(), "/send", bodies);
                System.out.printf("%n%s: sending %,.0f/s for %.0f s (+%.0f s warm-up)%n", name, rate, seconds, warmup);
                RunResult run = LoadGenerator.run(name, target, rate, warmup, seconds, connections, null, true);
                healthyPerSecond[phase] = ledger.arrivalsBetween(run.measureStartNanos(), run.endNanos()) / seconds;
                double offeredHealthy = run.achievedRate() * (WEBHOOKS - deadCount) / WEBHOOKS;
                offered[phase] = offeredHealthy;
                report.add(run);
                report.figure(
                        "healthy deliveries/s, " + name,
                        String.format(
                                Locale.ROOT,
                                "%,.0f/s (offered %,.0f/s to healthy targets)",
                                healthyPerSecond[phase],
                                offeredHealthy),
                        "",
                        null);
                if (healthyPerSecond[phase] >= 0.95 * offeredHealthy) {
                    report.note(name + ": delivery kept up with what was offered to healthy targets; raise --rate to"
                            + " measure at saturation.");
                }
            }
        }
        // Relative to what each phase offered healthy targets: with 10 % of the traffic going to dead
        // targets, 10 % fewer healthy deliveries is no slowdown at all.
        double drop = 1 - (healthyPerSecond[1] / offered[1]) / (healthyPerSecond[0] / offered[0]);
        report.figure(
                "healthy deliveries/s, dead phase / healthy phase (raw)",
                IngestScenario.percent(healthyPerSecond[1] / healthyPerSecond[0]),
                "",
                null);
        report.figure(
                "healthy throughput drop with " + dead + " of " + WEBHOOKS + " targets dead",
                IngestScenario.percent(drop),
                "≤ 10 %",
                drop <= 0.10);
        report.note("A dead target accepts the connection and never answers (costs the sender its read timeout),"
                + " the expensive kind; deliveries counted at the receiver between the end of warm-up and the end"
                + " of the schedule. The drop compares the share of the traffic offered to healthy targets that was"
                + " delivered in each phase.");
        return report;
    }
}
