package org.herald.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The broker in a JVM of its own ({@link KafkaBrokerMain}), started from this JVM's class path. It can
 * be killed hard and started again on the same log directory, which is what a fault scenario does.
 */
final class KafkaProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final int port;
    private final int controllerPort;
    private final int partitions;
    private final Path logDirectory;
    private final Path log;
    private Process process;
    private int starts;

    private KafkaProcess(int port, int controllerPort, int partitions, Path logDirectory, Path log) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.partitions = partitions;
        this.logDirectory = logDirectory;
        this.log = log;
    }

    static KafkaProcess start(int port, int controllerPort, int partitions, Path logDirectory, Path log) {
        KafkaProcess kafka = new KafkaProcess(port, controllerPort, partitions, logDirectory, log);
        kafka.start();
        return kafka;
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> command = List.of(
                ServiceProcess.javaCommand(),
                "-XX:+UseSerialGC",
                "-Xms64m",
                "-Xmx512m",
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("java.class.path"),
                KafkaBrokerMain.class.getName(),
                String.valueOf(port),
                String.valueOf(controllerPort),
                String.valueOf(partitions),
                logDirectory.toString());
        starts++;
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Kafka broker process", e);
        }
        awaitReady();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited with " + process.exitValue() + "; see " + log);
            }
            if (logSays(KafkaBrokerMain.READY_LINE) && accepts()) {
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException(
                "the Kafka broker was not ready after " + READY_TIMEOUT.toSeconds() + " s; see " + log);
    }

    /** The log is appended to across restarts: the broker is ready once it printed one ready line per start. */
    private boolean logSays(String line) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            int count = 0;
            for (int at = text.indexOf(line); at >= 0; at = text.indexOf(line, at + 1)) {
                count++;
            }
            return count >= starts;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed beyond what the broker already wrote. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized long pid() {
        return process.pid();
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public synchronized void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }
}
