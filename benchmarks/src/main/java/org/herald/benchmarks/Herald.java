package org.herald.benchmarks;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.herald.localstack.IngestAdmin;
import org.herald.localstack.LocalStack;
import org.herald.localstack.LocalStackSettings;

/**
 * The Herald under test: by default a local stack started for this run (ports shifted so it does
 * not meet a developer's, its broker in a process of its own so faults can kill it), else a running
 * Herald given by URLs and its admin key.
 */
final class Herald implements AutoCloseable {

    /**
     * Full JIT (the local stack's defaults favour start-up) and a young generation sized for
     * thousands of requests a second: a request allocates about 140 KB in the gateway, and with the
     * 20 MB young generation a 64 MB start gives, requests still in flight were promoted and the
     * gateway ran a full collection every second (3,000 against 5,500 requests/s alone on a fast
     * backend).
     */
    static final List<String> SERVICE_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC",
            "-Xss512k",
            "-Xms256m",
            "-Xmx512m",
            "-Xmn128m",
            "-XX:MaxMetaspaceSize=192m",
            "-XX:+ExitOnOutOfMemoryError");

    /**
     * The gateway's per-token and per-IP limits (50 and 100 requests/s by default) would measure the
     * limiter, not the gateway: lifted far above any rate here, the limiter still runs on every request.
     * The wechat channel is opened for the fan-out scenario, which counts its deliveries on
     * {@code herald.deliveries.wechat} (no channel service consumes them yet). Every benchmark message
     * carries the same content, which ingest's same-content limit (3 per hour) would refuse: lifted too, so
     * its Redis counter still runs on every send.
     */
    static final Map<String, String> STACK_ENVIRONMENT = Map.of(
            "HERALD_RATE_LIMIT_TOKEN_RATE", "1000000",
            "HERALD_RATE_LIMIT_TOKEN_BURST", "1000000",
            "HERALD_RATE_LIMIT_IP_RATE", "1000000",
            "HERALD_RATE_LIMIT_IP_BURST", "1000000",
            "HERALD_OPEN_CHANNELS", "webhook,wechat",
            "HERALD_SAME_CONTENT_LIMIT", "1000000000");

    private static final String WEBHOOK_DELIVERIES = "herald.deliveries.webhook";

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
                STACK_ENVIRONMENT);
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

    /**
     * An account with {@code count} webhooks at the receiver and one send body per webhook. Deliveries
     * are keyed by their webhook, so one webhook would put every delivery on one partition and one
     * consumer; spreading them is what real traffic to many targets looks like.
     */
    Spread spreadAccount(Receiver receiver, String prefix, int count, String content) {
        Map<String, String> webhooks = new LinkedHashMap<>();
        for (String code : webhookCodes(prefix, count)) {
            webhooks.put(code, receiver.url(code));
        }
        String token = createAccount(webhooks);
        List<String> bodies = webhooks.keySet().stream()
                .map(code -> HttpSendTarget.sendBody(token, code, content))
                .toList();
        return new Spread(token, bodies);
    }

    /**
     * {@code count} webhook codes that land evenly on the delivery topic's partitions (Kafka's default
     * partitioner: murmur2 of the key). Consecutive names hash as they please: twelve of them once
     * left one of three partitions, and so one consumer, without work.
     */
    static List<String> balancedCodes(String prefix, int count, int partitions) {
        int perPartition = (count + partitions - 1) / partitions;
        int[] taken = new int[partitions];
        List<String> codes = new ArrayList<>();
        for (int candidate = 0; codes.size() < count; candidate++) {
            String code = prefix + candidate;
            int partition = Utils.toPositive(Utils.murmur2(code.getBytes(StandardCharsets.UTF_8))) % partitions;
            if (taken[partition] < perPartition) {
                taken[partition]++;
                codes.add(code);
            }
        }
        return codes;
    }

    /** {@code count} webhook codes spread evenly over the partitions of the delivery topic. */
    List<String> webhookCodes(String prefix, int count) {
        return balancedCodes(prefix, count, webhookPartitions());
    }

    /** Delivery requests on {@code herald.deliveries.webhook} so far: the end offsets of its partitions. */
    long webhookRequestsPublished() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            for (int partition = 0; partition < webhookPartitions(admin); partition++) {
                latest.put(new TopicPartition(WEBHOOK_DELIVERIES, partition), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset)
                    .sum();
        } catch (Exception e) {
            throw new IllegalStateException("could not read the end offsets of " + WEBHOOK_DELIVERIES, e);
        }
    }

    /**
     * Pauses or resumes the deliveries of every channel-webhook instance ({@code /actuator/deliveries})
     * and waits until each has stopped fetching, or was told to go on.
     */
    void pauseDeliveries(boolean paused) {
        LocalStack local =
                stack().orElseThrow(() -> new IllegalStateException("only the benchmark's own stack can be paused"));
        List<String> instances = local.componentNames().stream()
                .filter(component -> component.startsWith("channel-webhook"))
                .toList();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (String instance : instances) {
            java.net.URI endpoint = java.net.URI.create(local.serviceUrl(instance) + "/actuator/deliveries");
            String state = deliveriesCall(java.net.http.HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"paused\":" + paused + "}")));
            // Pausing takes effect at each consumer's next poll; resuming only needs to be asked for.
            String done = paused ? "\"paused\":true" : "\"pauseRequested\":false";
            while (!state.contains(done)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(instance + " did not " + (paused ? "pause" : "resume")
                            + " its deliveries in 60 s: " + state);
                }
                sleep(100);
                state = deliveriesCall(
                        java.net.http.HttpRequest.newBuilder(endpoint).GET());
            }
        }
    }

    private String deliveriesCall(java.net.http.HttpRequest.Builder request) {
        try {
            java.net.http.HttpResponse<String> response = http.send(
                    request.timeout(Duration.ofSeconds(10)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "/actuator/deliveries answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("channel-webhook did not answer /actuator/deliveries", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Thread.sleep for the benchmark's waits: an interruption ends the run. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Records Herald's consumer groups have not handled yet, over all groups and topics but the
     * {@code ignored} groups: what the pipeline still has to do (the dispatcher, the projector, the
     * channels, callbacks) after the last send.
     */
    long consumerLag(Set<String> ignored) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            long lag = 0;
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
                if (ignored.contains(group.groupId())) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
                committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
                for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                    if (entry.getValue() != null) {
                        lag += Math.max(
                                0,
                                ends.get(entry.getKey()).offset()
                                        - entry.getValue().offset());
                    }
                }
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("could not read the consumer groups' lag", e);
        }
    }

    private int webhookPartitions() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            return webhookPartitions(admin);
        }
    }

    private static int webhookPartitions(Admin admin) {
        try {
            return admin.describeTopics(List.of(WEBHOOK_DELIVERIES))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(WEBHOOK_DELIVERIES)
                    .partitions()
                    .size();
        } catch (Exception e) {
            throw new IllegalStateException("could not read the partitions of " + WEBHOOK_DELIVERIES, e);
        }
    }

    /**
     * An account with a topic of {@code subscribers} subscribers, each with a WeChat openId, joined
     * through the admin API from {@code threads} threads. Returns the account's token.
     */
    String topicWithSubscribers(String topicCode, int subscribers, int threads) {
        IngestAdmin admin = new IngestAdmin(http, ingestUrl, adminKey);
        String account = admin.post("/api/admin/accounts", "{\"name\":\"fan-out benchmark\"}");
        String accountId = IngestAdmin.extract(IngestAdmin.ACCOUNT_ID, account);
        String token = IngestAdmin.extract(IngestAdmin.TOKEN, account);
        String secretKey = IngestAdmin.extract(SECRET_KEY, account);
        String accessKey = IngestAdmin.extract(
                ACCESS_KEY,
                openApi(
                        "/api/common/openApi/getAccessKey",
                        null,
                        "{\"token\":\"" + token + "\",\"secretKey\":\"" + secretKey + "\"}"));
        openApi(
                "/api/open/topic/add",
                accessKey,
                "{\"topicCode\":\"" + topicCode + "\",\"topicName\":\"benchmark\",\"contact\":\"bench\","
                        + "\"introduction\":\"fan-out benchmark\"}");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<String>> joins = new ArrayList<>();
            for (int i = 0; i < subscribers; i++) {
                String person = "{\"openId\":\"o-bench-" + i + "\",\"nickName\":\"subscriber " + i + "\"}";
                joins.add(pool.submit(() -> admin.post(
                        "/api/admin/accounts/" + accountId + "/topics/" + topicCode + "/subscribers", person)));
            }
            for (java.util.concurrent.Future<String> join : joins) {
                join.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(
                    "a subscriber could not join: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        return token;
    }

    private static final java.util.regex.Pattern SECRET_KEY =
            java.util.regex.Pattern.compile("\"secretKey\"\\s*:\\s*\"([0-9a-f]+)\"");
    private static final java.util.regex.Pattern ACCESS_KEY =
            java.util.regex.Pattern.compile("\"accessKey\"\\s*:\\s*\"([^\"]+)\"");

    /** POSTs to ingest's open API with an {@code access-key} (none for getAccessKey); answers the body. */
    String openApi(String path, String accessKey, String json) {
        try {
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(ingestUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json));
            if (accessKey != null) {
                request.header("access-key", accessKey);
            }
            java.net.http.HttpResponse<String> response =
                    http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            if (!response.body().contains("\"code\":200")) {
                throw new IllegalStateException("ingest refused " + path + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("ingest did not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The token of a benchmark account and one /send body per webhook of it. */
    record Spread(String token, List<String> bodies) {}

    @Override
    public void close() {
        if (stack != null) {
            System.out.println("Stopping the local stack...");
            stack.close();
        }
    }
}
