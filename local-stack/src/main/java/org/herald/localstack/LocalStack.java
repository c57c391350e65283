package org.herald.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.herald.embedded.EmbeddedKafkaServer;
import org.herald.embedded.EmbeddedPostgresServer;
import org.herald.embedded.EmbeddedRedisServer;

/**
 * The whole platform on one machine: real Kafka (KRaft), PostgreSQL and Redis in this JVM, and the
 * sandbox and every service as a process of its own, as they are deployed. Every start begins from
 * empty stores, so a second start never trips over what the first left behind.
 */
public final class LocalStack implements AutoCloseable {

    /** A machine busy with other work (a benchmark host, CI) may need longer: {@code -Dherald.local.ready-timeout-seconds}. */
    private static final Duration READY_TIMEOUT =
            Duration.ofSeconds(Long.getLong("herald.local.ready-timeout-seconds", 180));

    private final LocalStackSettings settings;
    private final List<AutoCloseable> servers = new ArrayList<>();
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private DemoAccount demoAccount;
    private Duration startup;
    private LocalSecrets secrets;
    private KafkaProcess kafkaProcess;

    private LocalStack(LocalStackSettings settings) {
        this.settings = settings;
    }

    public static LocalStack start(LocalStackSettings settings) {
        LocalStack stack = new LocalStack(settings);
        try {
            stack.boot();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void boot() {
        long started = System.nanoTime();
        prepareDataDirectory();
        secrets = LocalSecrets.generate();

        if (settings.kafkaInOwnProcess()) {
            kafkaProcess = KafkaProcess.start(
                    settings.port(Service.KAFKA_PORT),
                    settings.port(Service.KAFKA_CONTROLLER_PORT),
                    Service.PARTITIONS,
                    settings.dataDirectory().resolve("kafka"),
                    settings.dataDirectory().resolve("logs").resolve("kafka.log"));
            servers.add(0, kafkaProcess);
        } else {
            EmbeddedKafkaServer kafka = EmbeddedKafkaServer.startOnPorts(
                    settings.port(Service.KAFKA_PORT),
                    settings.port(Service.KAFKA_CONTROLLER_PORT),
                    Service.PARTITIONS,
                    settings.dataDirectory().resolve("kafka"));
            servers.add(0, kafka);
        }
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(
                settings.port(Service.POSTGRES_PORT), settings.dataDirectory().resolve("postgres"));
        servers.add(0, postgres);
        postgres.createDatabase("herald_ingest");
        postgres.createDatabase("herald_callback");
        servers.add(0, EmbeddedRedisServer.start(settings.port(Service.REDIS_PORT)));
        System.out.printf("  Kafka, PostgreSQL and Redis up after %.1f s%n", seconds(started));

        for (Service service : Service.values()) {
            processes.add(ServiceProcess.start(service, settings, service.environment(settings, secrets)));
        }
        for (int instance = 2; instance <= settings.webhookInstances(); instance++) {
            processes.add(ServiceProcess.start(
                    Service.CHANNEL_WEBHOOK,
                    Service.CHANNEL_WEBHOOK.module + "-" + instance,
                    settings.port(Service.CHANNEL_WEBHOOK.port + 100 * (instance - 1)),
                    settings,
                    Service.CHANNEL_WEBHOOK.environment(settings, secrets)));
        }
        awaitHealthy();
        System.out.printf("  every service healthy after %.1f s%n", seconds(started));
        demoAccount = DemoAccount.create(http, url(Service.INGEST_SERVICE), secrets.adminKey(), sandboxUrl());
        startup = Duration.ofNanos(System.nanoTime() - started);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private void awaitHealthy() {
        awaitHealthy(new ArrayList<>(processes));
    }

    private void awaitHealthy(List<ServiceProcess> waiting) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!waiting.isEmpty()) {
            waiting.removeIf(process -> process.isHealthy(http));
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                ServiceProcess late = waiting.get(0);
                throw new IllegalStateException("not healthy after " + READY_TIMEOUT.toSeconds() + " s: "
                        + waiting.stream().map(p -> p.service().module).toList()
                        + "\n" + late.service().module + " log ends with:\n" + late.logTail(40));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the services", e);
            }
        }
    }

    private void prepareDataDirectory() {
        Path data = settings.dataDirectory();
        try {
            if (Files.exists(data)) {
                try (Stream<Path> paths = Files.walk(data)) {
                    paths.sorted(Comparator.reverseOrder())
                            .forEach(path -> path.toFile().delete());
                }
            }
            Files.createDirectories(data.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + data, e);
        }
    }

    public String gatewayUrl() {
        return url(Service.API_GATEWAY);
    }

    public String sandboxUrl() {
        return url(Service.PROVIDER_SANDBOX);
    }

    public String ingestUrl() {
        return url(Service.INGEST_SERVICE);
    }

    /** The operator key of this run, for ingest's admin API (a benchmark creates its own account). */
    public String adminKey() {
        return secrets.adminKey();
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + settings.port(Service.KAFKA_PORT);
    }

    /** What {@link #kill} and {@link #restart} accept: {@code kafka} (own-process mode) and the process names. */
    public synchronized List<String> componentNames() {
        List<String> names = new ArrayList<>();
        if (kafkaProcess != null) {
            names.add("kafka");
        }
        processes.forEach(process -> names.add(process.name()));
        return names;
    }

    /**
     * {@code kill -9} of one component: {@code kafka} (only when it runs in its own process) or a
     * service's process name, such as {@code ingest-service} or {@code channel-webhook-2}.
     */
    public synchronized void kill(String component) {
        if (component.equals("kafka")) {
            kafkaOwnProcess().kill();
        } else {
            process(component).kill();
        }
    }

    /** Starts a killed component again and waits until it is ready (the broker) or healthy (a service). */
    public void restart(String component) {
        if (component.equals("kafka")) {
            kafkaOwnProcess().start();
            return;
        }
        restartServices(List.of(component));
    }

    /** Where a service's process listens, by its process name (e.g. {@code channel-webhook-2}). */
    public synchronized String serviceUrl(String service) {
        return process(service).url();
    }

    /** Stops a service the way an operator would (SIGTERM: it finishes its work and leaves its consumer groups). */
    public synchronized void stop(String service) {
        process(service).stop();
    }

    /** Starts stopped or killed services again, all at once, and waits until every one is healthy. */
    public void restartServices(List<String> services) {
        List<ServiceProcess> restarted = new ArrayList<>();
        synchronized (this) {
            for (String name : services) {
                ServiceProcess old = process(name);
                ServiceProcess started = old.restart();
                processes.set(processes.indexOf(old), started);
                restarted.add(started);
            }
        }
        awaitHealthy(restarted);
    }

    private KafkaProcess kafkaOwnProcess() {
        if (kafkaProcess == null) {
            throw new IllegalStateException("Kafka runs inside the launcher: start with kafkaInOwnProcess");
        }
        return kafkaProcess;
    }

    private ServiceProcess process(String name) {
        return processes.stream()
                .filter(process -> process.name().equals(name))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("no component " + name + "; known: " + componentNames()));
    }

    public DemoAccount demoAccount() {
        return demoAccount;
    }

    public Duration startup() {
        return startup;
    }

    /** Processes of the stack: this JVM (Kafka), PostgreSQL's, Redis and the services. */
    public List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(ProcessHandle.current());
        ProcessHandle.current().descendants().forEach(all::add);
        return all;
    }

    public List<Path> serviceLogs() {
        return processes.stream().map(ServiceProcess::log).toList();
    }

    private String url(Service service) {
        return "http://localhost:" + settings.port(service.port);
    }

    /** Stops the services first (gateway first, so no new work arrives), then the stores and the broker. */
    @Override
    public void close() {
        List<ServiceProcess> stopping = new ArrayList<>(processes);
        java.util.Collections.reverse(stopping);
        stopping.parallelStream().forEach(ServiceProcess::stop);
        processes.clear();
        for (AutoCloseable server : servers) {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e.getMessage());
            }
        }
        servers.clear();
    }
}
