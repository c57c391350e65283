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
        int messages = options.integer("messages", 12000);
        double rate = options.number("rate", 300);
        int connections = options.integer("connections", 64);
        int dead = options.integer("dead", 1);
        int warmup = options.integer("warmup-messages", 12000);

        Report report = new Report("dead-targets", command);
        double[] healthyPerSecond = new double[2];
        for (int phase = 0; phase < 2; phase++) {
            int deadCount = phase == 0 ? 0 : dead;
            String name = phase == 0 ? "all healthy" : deadCount + " of " + WEBHOOKS + " dead";
            DeliveryLedger ledger = new DeliveryLedger();
            try (Receiver receiver = Receiver.start(ledger, 0, 64);
                    DeadTarget deadTarget = new DeadTarget();
                    Herald herald = Herald.open(options, 1)) {
                BenchmarkMain.closeOnExit(herald);
                List<String> codes = herald.webhookCodes("w", WEBHOOKS);
                Map<String, String> webhooks = new LinkedHashMap<>();
                for (int w = 0; w < WEBHOOKS; w++) {
                    String code = codes.get(w);
                    webhooks.put(code, w >= WEBHOOKS - deadCount ? deadTarget.url(code) : receiver.url(code));
                }
                String token = herald.createAccount(webhooks);
                List<String> bodies = new ArrayList<>();
                webhooks.keySet()
                        .forEach(code -> bodies.add(HttpSendTarget.sendBody(token, code, IngestScenario.CONTENT)));
                HttpSendTarget target = new HttpSendTarget(herald.ingestUrl(), "/send", bodies);
                // The warm-up leaves the dead targets out: it must not open their circuits before the drain.
                HttpSendTarget healthy =
                        new HttpSendTarget(herald.ingestUrl(), "/send", bodies.subList(0, WEBHOOKS - deadCount));
                double healthyShare = (double) (WEBHOOKS - deadCount) / WEBHOOKS;
                BacklogDrain.Result drain = BacklogDrain.run(
                        name, herald, ledger, healthy, warmup, target, messages, healthyShare, rate, connections);
                healthyPerSecond[phase] = drain.perSecond();
                report.add(drain.sending());
                report.figure(
                        "healthy deliveries/s, " + name + ", one channel-webhook",
                        String.format(
                                Locale.ROOT,
                                "%,.0f/s (%,d to healthy targets of a backlog of %,d)",
                                healthyPerSecond[phase],
                                drain.expected(),
                                drain.accepted()),
                        phase == 0 ? "≥ 3,000/s" : "",
                        phase == 0 ? healthyPerSecond[phase] >= 3000 : null);
            }
        }
        double drop = 1 - healthyPerSecond[1] / healthyPerSecond[0];
        report.figure(
                "healthy throughput drop with " + dead + " of " + WEBHOOKS + " targets dead",
                IngestScenario.percent(drop),
                "≤ 10 %",
                drop <= 0.10);
        report.note("A dead target accepts the connection and never answers (costs the sender its read timeout),"
                + " the expensive kind. Each phase on a fresh stack warms channel-webhook up with --warmup-messages"
                + " (12000) to the answering targets, then drains the same backlog (its deliveries paused while"
                + " --messages requests are accepted and dispatched, then resumed); the rate counts arrivals"
                + " at the answering targets between 10 % and 90 % of those expected. The receiver answers at once,"
                + " so the healthy phase is also the one-instance delivery rate to a fast receiver.");
        return report;
    }
}
