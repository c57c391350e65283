package org.herald.benchmarks;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.herald.localstack.IngestAdmin;
import org.herald.localstack.LocalStack;
import org.herald.localstack.LocalStackSettings;

/**
 * The Herald under test: by default a local stack started for this run (ports shifted so it does
 * not meet a developer's, its broker in a process of its own so faults can kill it), else a running
 * Herald given by URLs and its admin key.
 */
final class Herald implements AutoCloseable {

    /** Full JIT (the local stack's defaults favour start-up), still small heaps. */
    static final List<String> SERVICE_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC",
            "-Xss512k",
            "-Xms64m",
            "-Xmx256m",
            "-XX:MaxMetaspaceSize=192m",
            "-XX:+ExitOnOutOfMemoryError");

    /**
     * The gateway's per-token and per-IP limits (50 and 100 requests/s by default) would measure the
     * limiter, not the gateway: lifted far above any rate here, the limiter still runs on every request.
     */
    static final Map<String, String> GATEWAY_LIMITS_LIFTED = Map.of(
            "HERALD_RATE_LIMIT_TOKEN_RATE", "1000000",
            "HERALD_RATE_LIMIT_TOKEN_BURST", "1000000",
            "HERALD_RATE_LIMIT_IP_RATE", "1000000",
            "HERALD_RATE_LIMIT_IP_BURST", "1000000");

    private final LocalStack stack;
    private final String ingestUrl;
    private final String gatewayUrl;
    private final String adminKey;
    private final String kafka;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Herald(LocalStack stack, String ingestUrl, String gatewayUrl, String adminKey, String kafka) {
        this.stack = stack;
        this.ingestUrl = ingestUrl;
        this.gatewayUrl = gatewayUrl;
        this.adminKey = adminKey;
        this.kafka = kafka;
    }

    /** Starts a local stack, or attaches to the Herald named by {@code --ingest-url} and friends. */
    static Herald open(Options options, int webhookInstances) {
        String ingest = options.text("ingest-url", null);
        if (ingest != null) {
            return new Herald(
                    null,
                    ingest,
                    options.text("gateway-url", "http://localhost:8080"),
                    options.text("admin-key", System.getenv("HERALD_ADMIN_KEY")),
                    options.text("kafka", "localhost:9092"));
        }
        Path target = BenchmarkMain.targetDirectory();
        LocalStackSettings settings = new LocalStackSettings(
                options.integer("port-offset", 300),
                Path.of(options.text("stack-data", target.resolve("stack-data").toString())),
                Path.of(options.text(
                        "services-dir",
                        target.getParent()
                                .getParent()
                                .resolve("local-stack/target/services")
                                .toString())),
                true,
                webhookInstances,
                options.flag("startup-jvm") ? List.of() : SERVICE_JVM_OPTIONS,
                GATEWAY_LIMITS_LIFTED);
        System.out.printf(
                "Starting a local stack (port offset %d, %d channel-webhook instance(s), broker in its own process)...%n",
                settings.portOffset(), webhookInstances);
        LocalStack stack = LocalStack.start(settings);
        System.out.printf("  stack up in %.1f s%n", stack.startup().toMillis() / 1000.0);
        return new Herald(
                stack, stack.ingestUrl(), stack.gatewayUrl(), stack.adminKey(), stack.kafkaBootstrapServers());
    }

    String ingestUrl() {
        return ingestUrl;
    }

    String gatewayUrl() {
        return gatewayUrl;
    }

    String kafkaBootstrapServers() {
        return kafka;
    }

    /** The stack this run started, for faults; empty when attached to a running Herald. */
    java.util.Optional<LocalStack> stack() {
        return java.util.Optional.ofNullable(stack);
    }

    /**
     * Creates an account whose HiFlow webhooks (code → URL) point at the benchmark's receivers; the
     * first is the account's default. Returns the account's token.
     */
    String createAccount(Map<String, String> webhooks) {
        if (adminKey == null || adminKey.isBlank()) {
            throw new IllegalStateException("no admin key: give --admin-key (or HERALD_ADMIN_KEY)");
        }
        String first = webhooks.keySet().iterator().next();
        IngestAdmin admin = new IngestAdmin(http, ingestUrl, adminKey);
        String account = admin.post(
                "/api/admin/accounts",
                "{\"name\":\"benchmark\",\"defaultChannel\":\"webhook\",\"defaultOption\":\"" + first + "\"}");
        String accountId = IngestAdmin.extract(IngestAdmin.ACCOUNT_ID, account);
        webhooks.forEach((code, url) -> admin.post(
                "/api/admin/accounts/" + accountId + "/webhooks",
                "{\"webhookCode\":\"" + code + "\",\"webhookName\":\"benchmark " + code + "\",\"webhookType\":7,"
                        + "\"webhookUrl\":\"" + url + "\"}"));
        return IngestAdmin.extract(IngestAdmin.TOKEN, account);
    }

    @Override
    public void close() {
        if (stack != null) {
            System.out.println("Stopping the local stack...");
            stack.close();
        }
    }
}
