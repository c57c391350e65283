package org.herald.channel.webhook.robot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.herald.channel.webhook.delivery.DeliveredLedger;
import org.herald.channel.webhook.delivery.OpenedTarget;
import org.herald.channel.webhook.delivery.StatusReporter;
import org.herald.channel.webhook.delivery.Verdict;
import org.herald.channel.webhook.delivery.WebhookDeliveryService;
import org.herald.channel.webhook.delivery.WebhookFormat;
import org.herald.channel.webhook.delivery.WebhookFormats;
import org.herald.channel.webhook.delivery.WebhookRequest;
import org.herald.channel.webhook.isolation.HostIsolation;
import org.herald.channel.webhook.isolation.IsolationProperties;
import org.herald.channel.webhook.ratelimit.RedisRateLimiter;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.events.delivery.DeliveryState;
import org.herald.events.delivery.DeliveryTarget;
import org.herald.events.delivery.Recipient;
import org.herald.outbound.OutboundHttp;
import org.herald.outbound.OutboundHttpClientFactory;
import org.herald.outbound.OutboundHttpProperties;
import org.herald.outbound.OutboundResponse;
import org.herald.sandbox.ProviderSandbox;
import org.herald.sandbox.inbox.ReceivedRequest;
import org.herald.sealing.SecretSealer;
import org.herald.testservers.RealServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Robot formats against their provider-sandbox fakes over real HTTP on loopback; the rate limiter on
 * the real Redis. No Kafka: the delivery service is plain Java.
 */
public abstract class RobotSandboxSupport {

    protected static ProviderSandbox sandbox;
    protected static OutboundHttp http;
    private static JedisConnectionFactory redisConnection;
    protected static StringRedisTemplate redis;

    protected final SecretSealer sealer = new SecretSealer(randomKey());
    protected final List<DeliveryState> reported = new ArrayList<>();
    protected final Set<String> delivered = new HashSet<>();

    @BeforeAll
    static void startSandbox() {
        sandbox = ProviderSandbox.start();
        http = new OutboundHttp(new OutboundHttpClientFactory(OutboundHttpProperties.defaults(true)));
        RealServers.Redis server = RealServers.redis();
        redisConnection = new JedisConnectionFactory(new RedisStandaloneConfiguration(server.host(), server.port()));
        redisConnection.afterPropertiesSet();
        redis = new StringRedisTemplate(redisConnection);
    }

    @AfterAll
    static void stopSandbox() {
        http.close();
        sandbox.close();
        redisConnection.destroy();
    }

    /** One attempt as the service makes it: prepare, post, judge. */
    protected static Verdict attempt(WebhookFormat format, DeliveryRequested request, OpenedTarget target) {
        WebhookRequest outgoing = format.prepare(request, target);
        try {
            OutboundResponse response = http.send(
                    outgoing.method(), outgoing.url(), outgoing.headers(), outgoing.body(), outgoing.contentType());
            return format.judge(response);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The delivery service with the real Redis rate limiter, waiting in place at most {@code inPlace}. */
    protected WebhookDeliveryService service(WebhookFormat format, Duration inPlace) {
        DeliveredLedger ledger = new DeliveredLedger() {
            @Override
            public boolean isDelivered(String deliveryId) {
                return delivered.contains(deliveryId);
            }

            @Override
            public CompletableFuture<Void> markDelivered(String deliveryId) {
                delivered.add(deliveryId);
                return CompletableFuture.completedFuture(null);
            }
        };
        StatusReporter status = (request, state, attempt, reason) -> reported.add(state);
        return new WebhookDeliveryService(
                new WebhookFormats(List.of(format)),
                sealer,
                http,
                ledger,
                status,
                Clock.systemUTC(),
                3,
                new RedisRateLimiter(redis, Clock.systemUTC()),
                new HostIsolation(
                        new IsolationProperties(4, Duration.ofSeconds(2), 50, 10, 20, Duration.ofSeconds(30))),
                inPlace,
                duration -> Thread.sleep(duration.toMillis()));
    }

    protected DeliveryRequested request(
            String type,
            String url,
            String secret,
            Map<String, String> attributes,
            String template,
            String title,
            String content) {
        String shortCode = random(8);
        return new DeliveryRequested(
                shortCode + "-webhook-robot",
                shortCode,
                UUID.fromString("00000000-0000-0000-0000-000000000001"),
                "webhook",
                new Recipient("webhook", "robot"),
                new DeliveryTarget(
                        type, "robot", sealer.seal(url), secret == null ? null : sealer.seal(secret), attributes),
                title,
                content,
                template,
                "http://herald.test/m/" + shortCode,
                null,
                Instant.now());
    }

    protected static List<ReceivedRequest> received(String target, String pathPart) {
        return sandbox.inbox().all().stream()
                .filter(r -> r.target().equals(target) && r.path().contains(pathPart))
                .toList();
    }

    protected static String random(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        ThreadLocalRandom.current().nextBytes(key);
        return key;
    }
}
