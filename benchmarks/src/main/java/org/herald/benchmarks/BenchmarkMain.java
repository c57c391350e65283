package org.herald.benchmarks;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * {@code ./bench <scenario> [options]}: starts a local stack (unless told where a Herald runs), runs
 * the scenario, writes markdown, JSON and an SVG chart to {@code benchmarks/target/results/}, stops
 * everything and exits, within a time limit.
 */
public final class BenchmarkMain {

    private static final String USAGE =
            """
            usage: ./bench <scenario> [options]

            scenarios
              ingest          /send straight to ingest and through the gateway at --rate (2000), then the
                              ceiling of each, beside a bare HTTP endpoint, a raw Kafka producer and
                              the two together (the endpoint answering once its record is acknowledged)
              e2e             accepted -> received through the gateway at --rate (1000)
              scaling         1 vs 2 channel-webhook instances draining a backlog of --messages (6000)
                              to a 50 ms receiver
              dead-targets    one channel-webhook draining a backlog of --messages (12000), all targets
                              answering, then 1 of 10 dead: healthy deliveries/s and their drop
              fan-out         one /send to a topic of --subscribers (10000) subscribers, --repeat (3) times:
                              acceptance -> the last of its deliveries on herald.deliveries.wechat
              broker-fault    kill -9 the Kafka broker mid-run and start it again, --rate (2000)
              channel-fault   kill -9 channel-webhook mid-run and start it again, --rate (1000)
              ingest-fault    kill -9 ingest-service mid-run and start it again, --rate (1000)

            options (defaults depend on the scenario)
              --rate N --duration S --warmup S --connections N
              --webhooks N                      (12: sends spread over N webhooks, so over partitions)
              --target ingest|gateway|both      (ingest, e2e)
              --no-ceiling --no-references      (ingest)
              --deliveries-paused               (ingest: channel-webhook holds every delivery, so ingest
                                                has the cores to itself)
              --stack-warmup S (15) --jit-warmup S (20)   (ingest, e2e: real sends at 100/s, then refused
                                                sends at 2,000/s per route, before anything is measured)
              --steady-warmup S --steady-warmup-rate N   (ingest, e2e: then real sends per route, so the
                                                services run compiled code when measured; ingest 60 s at
                                                800/s, e2e 180 s at 250/s and then until the stack is quiet)
              --ceiling-start N --ceiling-step N --ceiling-max N --step-seconds S --ceiling-p99-ms MS
              --receiver-delay-ms MS --instances N (scaling)   --dead N (dead-targets)
              --messages N                      (scaling, dead-targets: the backlog, sent at --rate, 300)
              --warmup-messages N (12000)       (scaling, per instance; dead-targets: drained unmeasured
                                                first, so the measured drain runs compiled code)
              --kill-at S --down S --drain S    (faults)
              --port-offset N (300)   --stack-data DIR   --services-dir DIR   --startup-jvm
              --ingest-url URL --gateway-url URL --admin-key KEY --kafka HOST:PORT   (a running Herald)
              --out DIR (benchmarks/target/results)   --max-minutes M (30)
            """;

    private static volatile Herald running;

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        // The receiver is the JDK's HttpServer, which leaves Nagle's algorithm on: its response body,
        // written after the headers, waited for the client's delayed ACK (40 ms on Linux), which made
        // every delivery take 50 ms and the receiver, not Herald, the measured limit.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.print(USAGE);
            System.exit(args.length == 0 ? 2 : 0);
        }
        String scenario = args[0];
        String command = "./bench " + String.join(" ", args);
        Options options;
        try {
            options = Options.parse(args, 1);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        double maxMinutes = options.number("max-minutes", 30);
        Path out =
                Path.of(options.text("out", targetDirectory().resolve("results").toString()));
        watchdog(maxMinutes);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Herald herald = running;
            if (herald != null) {
                herald.close();
            }
            // A stack still starting (or a close that failed) leaves its processes behind: none may
            // outlive the run.
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        }));
        int status = 0;
        try {
            Report report =
                    switch (scenario) {
                        case "ingest" -> IngestScenario.run(options, command);
                        case "e2e" -> EndToEndScenario.run(options, command);
                        case "scaling" -> ScalingScenario.run(options, command);
                        case "dead-targets" -> DeadTargetsScenario.run(options, command);
                        case "fan-out" -> FanOutScenario.run(options, command);
                        case "broker-fault", "channel-fault", "ingest-fault" ->
                            FaultScenario.run(FaultScenario.Fault.of(scenario), options, command);
                        default -> throw new IllegalArgumentException("unknown scenario " + scenario + "\n" + USAGE);
                    };
            running = null;
            Set<String> unread = options.unread();
            if (!unread.isEmpty()) {
                report.note("options not used by this scenario: " + unread);
            }
            Path written = report.write(out);
            System.out.println();
            System.out.println(report.markdown());
            System.out.println("Written: " + written + " (and .json, .svg beside it)");
        } catch (RuntimeException e) {
            System.err.println("benchmark failed: " + e.getMessage());
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    /** Stops the stack this run started if the run ends early (Ctrl-C, the watchdog). */
    static void closeOnExit(Herald herald) {
        running = herald;
    }

    /** A run stops by itself: past the limit, exit (the shutdown hook stops the stack). */
    private static void watchdog(double maxMinutes) {
        Thread watchdog = new Thread(
                () -> {
                    try {
                        Thread.sleep((long) (maxMinutes * 60_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                    System.err.printf("benchmark still running after %.0f minutes: stopping%n", maxMinutes);
                    System.exit(3);
                },
                "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** {@code benchmarks/target}: where the benchmark's jar (or its classes) are. */
    static Path targetDirectory() {
        try {
            Path codeSource = Path.of(BenchmarkMain.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return codeSource.toAbsolutePath().getParent();
        } catch (Exception e) {
            return Path.of("benchmarks/target").toAbsolutePath();
        }
    }

    private BenchmarkMain() {}
}
