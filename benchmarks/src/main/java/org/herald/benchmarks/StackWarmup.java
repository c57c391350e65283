package org.herald.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A freshly started stack is cold: its JIT has compiled nothing and the first sends create the
 * Kafka topics. Measured runs would see that, and the gateway's circuit breaker opens on those first
 * slow answers and stays open 30 s. So a scenario first sends at a low rate straight to ingest, waits
 * until the gateway accepts, and sends through it too.
 *
 * <p>That is too little for the JIT: the gateway ran at a third of its warm speed for its first
 * 50,000 requests. Sends without content then go through every filter of the gateway and ingest's
 * reading and checking of a send at 2,000/s, and ingest refuses them (999) before anything is
 * published, so the pipeline gets no backlog from it.
 */
final class StackWarmup {

    private StackWarmup() {}

    private static final double JIT_RATE = 2000;

    static void run(Herald herald, List<String> bodies, boolean viaGateway, double seconds, double jitSeconds) {
        if (seconds <= 0) {
            return;
        }
        System.out.printf("%nWarming the stack up (%.0f s per route at 100/s, not measured)...%n", seconds);
        RunResult direct = LoadGenerator.run(
                "warm-up ingest",
                new HttpSendTarget(herald.ingestUrl(), "/send", bodies),
                100,
                0,
                seconds,
                8,
                null,
                false);
        print("ingest direct", direct);
        if (!viaGateway) {
            warmJit(herald, bodies, false, jitSeconds);
            return;
        }
        HttpSendTarget gateway = new HttpSendTarget(herald.gatewayUrl(), "/send", bodies);
        awaitAccepted(gateway, 60);
        RunResult through = LoadGenerator.run("warm-up gateway", gateway, 100, 0, seconds, 8, null, false);
        print("gateway", through);
        warmJit(herald, bodies, true, jitSeconds);
        awaitAccepted(gateway, 60);
    }

    /** After the real sends (topics exist, the breaker is closed): refused sends at 2,000/s per route. */
    private static void warmJit(Herald herald, List<String> bodies, boolean viaGateway, double jitSeconds) {
        if (jitSeconds <= 0) {
            return;
        }
        System.out.printf(
                "%nWarming the JIT up (%.0f s per route at %,.0f/s, sends without content, refused by ingest)...%n",
                jitSeconds, JIT_RATE);
        List<String> refused = bodies.stream()
                .map(body -> body.replaceFirst(",\"content\":\"[^\"]*\"", ""))
                .toList();
        jit("ingest direct", new HttpSendTarget(herald.ingestUrl(), "/send", refused), jitSeconds);
        if (viaGateway) {
            jit("gateway", new HttpSendTarget(herald.gatewayUrl(), "/send", refused), jitSeconds);
        }
    }

    private static void jit(String route, HttpSendTarget target, double seconds) {
        RunResult run = LoadGenerator.run("jit " + route, target, JIT_RATE, 0, seconds, 32, null, false);
        long answered = run.errorKinds().getOrDefault("code 999", 0L);
        System.out.printf(
                "  %s: %,d refused as expected (999) of %,d scheduled%n",
                route, answered, run.totalErrors() + run.totalOk());
    }

    /** A cold stack falls behind even 100/s: sends the schedule never reached are not refusals. */
    private static void print(String route, RunResult run) {
        long notSent = run.errorKinds().getOrDefault(LoadGenerator.NOT_SENT, 0L);
        System.out.printf(
                "  %s: %,d accepted, %,d refused, %,d not sent in time%n",
                route, run.totalOk(), run.totalErrors() - notSent, notSent);
    }

    /**
     * Real sends per route at {@code rate} for {@code seconds}, after {@link #run}: the refused sends
     * never reach the Redis limit, the Kafka publish, the dispatcher or the projector, and ingest's
     * compiler threads still took a quarter of its CPU for the first 80 s of load at 800/s (its total
     * compile time went from 226 s to 296 s of CPU, then stayed). The measured runs then see the
     * compiled service, as a service that has been up for a while is.
     */
    static void steady(
            Herald herald, List<String> bodies, boolean direct, boolean viaGateway, double rate, double seconds) {
        if (seconds <= 0) {
            return;
        }
        System.out.printf("%nWarming up on real sends (%.0f s per route at %,.0f/s, not measured)...%n", seconds, rate);
        Map<String, String> routes = new LinkedHashMap<>();
        if (direct) {
            routes.put("ingest direct", herald.ingestUrl());
        }
        if (viaGateway) {
            routes.put("gateway", herald.gatewayUrl());
        }
        routes.forEach((route, url) -> print(
                route,
                LoadGenerator.run(
                        "steady " + route,
                        new HttpSendTarget(url, "/send", bodies),
                        rate,
                        0,
                        seconds,
                        32,
                        null,
                        false)));
    }

    /** Until one send is accepted (the breaker closed), at most {@code seconds}. */
    private static void awaitAccepted(HttpSendTarget target, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        try (LoadGenerator.Worker worker = target.newWorker()) {
            while (System.nanoTime() < deadline) {
                try {
                    if (target.call(worker, 0).accepted()) {
                        return;
                    }
                } catch (Exception e) {
                    // not yet
                }
                Thread.sleep(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println("  the gateway still refuses sends after " + Math.round(seconds) + " s; measuring anyway");
    }
}
