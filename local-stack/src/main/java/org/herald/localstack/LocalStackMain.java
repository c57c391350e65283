package org.herald.localstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local}: starts the stack, prints a demo token and a curl line that works as printed,
 * and runs until Ctrl-C.
 */
public final class LocalStackMain {

    private LocalStackMain() {}

    public static void main(String[] args) throws InterruptedException {
        LocalStackSettings settings = new LocalStackSettings(
                Integer.parseInt(env("HERALD_LOCAL_PORT_OFFSET", "0")),
                Path.of(env("HERALD_LOCAL_DATA", ".herald-local")).toAbsolutePath(),
                Path.of(System.getProperty("herald.services.dir", defaultServicesDirectory()))
                        .toAbsolutePath(),
                Boolean.parseBoolean(env("HERALD_LOCAL_KAFKA_PROCESS", "false")),
                Integer.parseInt(env("HERALD_LOCAL_WEBHOOK_INSTANCES", "1")),
                java.util.List.of(),
                java.util.Map.of());
        System.out.println("Starting Herald: Kafka, PostgreSQL, Redis, the sandbox and 7 services...");
        LocalStack stack;
        try {
            stack = LocalStack.start(settings);
        } catch (RuntimeException e) {
            System.err.println("Herald did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Herald...");
            stack.close();
            stopped.countDown();
        }));
        System.out.println(Banner.of(stack, settings, MemoryUse.of(stack.processes())));
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Next to the launcher's own jar: local-stack/target/services. */
    private static String defaultServicesDirectory() {
        try {
            Path jar = Path.of(LocalStackMain.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return jar.getParent().resolve("services").toString();
        } catch (Exception e) {
            return "local-stack/target/services";
        }
    }
}
