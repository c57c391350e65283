package org.herald.channel.webhook.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.herald.channel.webhook.delivery.OpenedTarget;
import org.herald.channel.webhook.delivery.Verdict;
import org.herald.channel.webhook.delivery.WebhookFormat;
import org.herald.channel.webhook.delivery.WebhookRequest;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.events.delivery.DeliveryTarget;
import org.herald.events.delivery.Recipient;
import org.herald.outbound.OutboundHttp;
import org.herald.outbound.OutboundHttpClientFactory;
import org.herald.outbound.OutboundHttpProperties;
import org.herald.outbound.OutboundResponse;
import org.herald.rendering.MessageRenderer;
import org.herald.rendering.RenderedMessage;
import org.herald.sandbox.ProviderSandbox;
import org.herald.sandbox.inbox.ReceivedRequest;

/**
 * Shared by the notification-target tests: a request as the dispatcher sends it, and one provider
 * sandbox for the whole test JVM (each target's tests use their own keys, so they do not meet).
 */
public final class NotifyFixtures {

    public static final String SHORT_CODE = "0123456789abcdef0123456789abcdef";
    public static final String PAGE_URL = "https://herald.example/m/" + SHORT_CODE;

    /** Every template the renderer knows; golden tests run each. */
    public static final List<String> TEMPLATES =
            List.of("html", "txt", "markdown", "json", "cloudMonitor", "jenkins", "route", "pay");

    /** A content that differs per template once rendered: markup, JSON and line breaks. */
    public static final String RICH_CONTENT = "{\"name\":\"磁盘\",\"value\":\"<b>95%</b> & *hot*\"}\nline 2";

    private static final AtomicLong IDS = new AtomicLong();
    private static ProviderSandbox sandbox;
    private static OutboundHttp http;

    private NotifyFixtures() {}

    public static synchronized ProviderSandbox sandbox() {
        if (sandbox == null) {
            sandbox = ProviderSandbox.start();
            http = new OutboundHttp(new OutboundHttpClientFactory(OutboundHttpProperties.defaults(true)));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                http.close();
                sandbox.close();
            }));
        }
        return sandbox;
    }

    public static RenderedMessage rendered(String template, String title, String content) {
        return new MessageRenderer().render(template, title, content);
    }

    public static DeliveryRequested request(String type, String title, String content, String template) {
        return request(type, title, content, template, Map.of());
    }

    public static DeliveryRequested request(
            String type, String title, String content, String template, Map<String, String> attributes) {
        return new DeliveryRequested(
                "d-" + IDS.incrementAndGet(),
                SHORT_CODE,
                UUID.randomUUID(),
                "webhook",
                new Recipient("webhook", "w"),
                new DeliveryTarget(type, "w", "v1:sealed", null, attributes),
                title,
                content,
                template,
                PAGE_URL,
                null,
                Instant.EPOCH);
    }

    public static String body(WebhookRequest request) {
        return new String(request.body(), StandardCharsets.UTF_8);
    }

    /** What one attempt sent and got back, and the verdict the format read from it. */
    public record Attempt(WebhookRequest request, OutboundResponse response, Verdict verdict) {
        public String answer() {
            return new String(response.body(), StandardCharsets.UTF_8);
        }
    }

    /** One attempt over HTTP, as the delivery service makes it. */
    public static Attempt attempt(WebhookFormat format, DeliveryRequested request, OpenedTarget target) {
        return send(format, format.prepare(request, target));
    }

    /** A hand-made request over HTTP (to probe a fake's limits), judged by {@code format}. */
    public static Attempt send(WebhookFormat format, WebhookRequest outgoing) {
        sandbox();
        try {
            OutboundResponse response = http.send(
                    outgoing.method(), outgoing.url(), outgoing.headers(), outgoing.body(), outgoing.contentType());
            return new Attempt(outgoing, response, format.judge(response));
        } catch (IOException e) {
            throw new IllegalStateException("the sandbox did not answer", e);
        }
    }

    /** A JSON POST of {@code json} to the sandbox's {@code path}. */
    public static WebhookRequest jsonPost(String path, String json) {
        return WebhookRequest.post(
                sandbox().baseUrl() + path, json.getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
    }

    /** The newest request the sandbox's {@code target} fake received. */
    public static ReceivedRequest lastReceived(String target) {
        List<ReceivedRequest> received = sandbox().inbox().newestFirst(target, 1);
        if (received.isEmpty()) {
            throw new AssertionError("the " + target + " fake received nothing");
        }
        return received.get(0);
    }

    /** A fresh id, so tests sharing the sandbox never share a key, a chat or a rate window. */
    public static long unique() {
        return IDS.incrementAndGet();
    }
}
