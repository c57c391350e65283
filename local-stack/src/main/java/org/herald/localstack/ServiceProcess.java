package org.herald.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service running as its own JVM, its output in a log file of its own. */
final class ServiceProcess {

    /**
     * Sized so eight services fit in well under 2 GB: serial GC, C1 only (start-up matters more than
     * peak speed here), small stacks and code cache.
     */
    private static final List<String> JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Xss512k",
            "-Xms32m",
            "-Xmx160m",
            "-XX:MaxMetaspaceSize=160m",
            "-XX:ReservedCodeCacheSize=48m",
            "-XX:+ExitOnOutOfMemoryError");

    private final Service service;
    private final String name;
    private final Process process;
    private final Path log;
    private final URI health;
    private final ProcessBuilder builder;

    private ServiceProcess(
            Service service, String name, Process process, Path log, URI health, ProcessBuilder builder) {
        this.service = service;
        this.name = name;
        this.process = process;
        this.log = log;
        this.health = health;
        this.builder = builder;
    }

    static ServiceProcess start(Service service, LocalStackSettings settings, Map<String, String> environment) {
        return start(service, service.module, settings.port(service.port), settings, environment);
    }

    /**
     * Starts one instance of a service under a name of its own (its log file), listening on {@code port}:
     * a second channel-webhook instance runs beside the first this way.
     */
    static ServiceProcess start(
            Service service, String name, int port, LocalStackSettings settings, Map<String, String> environment) {
        Path jar = settings.servicesDirectory().resolve(service.module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "missing " + jar + ": build first with ./mvnw -DskipTests package -pl local-stack -am");
        }
        Path log = settings.dataDirectory().resolve("logs").resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(javaCommand());
        command.addAll(settings.serviceJvmOptions().isEmpty() ? JVM_OPTIONS : settings.serviceJvmOptions());
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().putAll(settings.extraEnvironment());
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        try {
            Files.createDirectories(log.getParent());
            Process process = builder.start();
            return new ServiceProcess(
                    service, name, process, log, URI.create("http://localhost:" + port + "/actuator/health"), builder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** The same service started again, as it was first started; its log goes on in the same file. */
    ServiceProcess restart() {
        try {
            return new ServiceProcess(service, name, builder.start(), log, health, builder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + " again", e);
        }
    }

    /** {@code kill -9}: no graceful shutdown, offsets not committed, requests in flight cut. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Service service() {
        return service;
    }

    /** Where this instance listens, e.g. {@code http://localhost:8083}. */
    String url() {
        return health.resolve("/").toString().replaceAll("/$", "");
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean isHealthy(HttpClient http) {
        if (!process.isAlive()) {
            throw new IllegalStateException(
                    service.module + " exited with " + process.exitValue() + "; its log ends with:\n" + logTail(40));
        }
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(health)
                            .timeout(Duration.ofSeconds(2))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asks the service to stop (SIGTERM: Spring's graceful shutdown), then insists. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static String javaCommand() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
