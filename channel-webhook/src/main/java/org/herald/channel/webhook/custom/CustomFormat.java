package org.herald.channel.webhook.custom;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.herald.channel.webhook.delivery.OpenedTarget;
import org.herald.channel.webhook.delivery.Verdict;
import org.herald.channel.webhook.delivery.WebhookFormat;
import org.herald.channel.webhook.delivery.WebhookRequest;
import org.herald.channel.webhook.notify.NotificationAnswer;
import org.herald.channel.webhook.notify.NotificationText;
import org.herald.events.delivery.DeliveryRequested;
import org.herald.outbound.OutboundResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The custom webhook (pushplus type 12): the user's method, headers and body template. The
 * placeholders {@code {title}}, {@code {content}}, {@code {url}} and {@code {shortCode}} are
 * replaced in one pass (a value containing a placeholder is not expanded again), each value escaped
 * for where it lands: JSON string escaping when the body is JSON (the template supplies the quotes),
 * form encoding for a form body, percent-encoding in the URL. Success is HTTP 2xx (reference §4.7).
 *
 * <p>The headers arrive as the target's sealed secret, a JSON object, because they often carry
 * credentials; {@code method}, {@code body} and {@code contentType} are plain attributes.
 */
public final class CustomFormat implements WebhookFormat {

    public static final String CUSTOM = "CUSTOM";

    /** The body when the user gave none: the HiFlow-style fields. */
    static final String DEFAULT_BODY =
            "{\"title\":\"{title}\",\"content\":\"{content}\",\"url\":\"{url}\",\"shortCode\":\"{shortCode}\"}";

    static final String DEFAULT_CONTENT_TYPE = "application/json";

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(title|content|url|shortCode)}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Set<String> types() {
        return Set.of(CUSTOM);
    }

    @Override
    public WebhookRequest prepare(DeliveryRequested request, OpenedTarget target) {
        Map<String, String> attributes = target.attributes();
        Map<String, String> headers = headers(target.secret());
        String headerType = removeIgnoringCase(headers, "Content-Type");
        String contentType = firstNonBlank(attributes.get("contentType"), headerType, DEFAULT_CONTENT_TYPE);
        if (headers.keySet().stream().noneMatch("Idempotency-Key"::equalsIgnoreCase)) {
            headers.put("Idempotency-Key", request.deliveryId());
        }
        Map<String, String> values = Map.of(
                "title", NotificationText.orEmpty(request.title()),
                // The user's own receiver decides how to show it: the content goes as it was sent.
                "content", NotificationText.orEmpty(request.content()),
                "url", NotificationText.orEmpty(request.pageUrl()),
                "shortCode", NotificationText.orEmpty(request.messageId()));
        String template = attributes.get("body") == null ? DEFAULT_BODY : attributes.get("body");
        String body = fill(template, values, escaperFor(contentType));
        String url = fill(target.address(), values, value -> URLEncoder.encode(value, StandardCharsets.UTF_8));
        return new WebhookRequest(
                method(attributes.get("method")), url, body.getBytes(StandardCharsets.UTF_8), contentType, headers);
    }

    /** The configured method; an unknown or missing one is POST, what pushplus's form defaults to. */
    static String method(String configured) {
        String method = configured == null ? "" : configured.strip().toUpperCase(Locale.ROOT);
        return METHODS.contains(method) ? method : "POST";
    }

    static String fill(String template, Map<String, String> values, UnaryOperator<String> escape) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder(template.length() + 256);
        while (placeholder.find()) {
            placeholder.appendReplacement(
                    filled, Matcher.quoteReplacement(escape.apply(values.get(placeholder.group(1)))));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }

    static UnaryOperator<String> escaperFor(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            return CustomFormat::jsonEscape;
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return value -> URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
        return UnaryOperator.identity();
    }

    /** The value as the inside of a JSON string: the template has the quotes around the placeholder. */
    static String jsonEscape(String value) {
        String quoted = JSON.writeValueAsString(value);
        return quoted.substring(1, quoted.length() - 1);
    }

    /**
     * The headers from the sealed JSON object; a missing or unreadable one gives none (ingest
     * validates it when the user saves the config, so this is only a stale config's fallback).
     */
    static Map<String, String> headers(String secret) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (NotificationText.isBlank(secret)) {
            return headers;
        }
        try {
            JsonNode object = JSON.readTree(secret);
            if (object != null && object.isObject()) {
                for (Map.Entry<String, JsonNode> header : object.properties()) {
                    if (!header.getValue().isNull() && !header.getValue().isContainer()) {
                        headers.put(header.getKey(), header.getValue().asString(""));
                    }
                }
            }
        } catch (JacksonException e) {
            // Never quote it: the headers are a secret.
        }
        return headers;
    }

    private static String removeIgnoringCase(Map<String, String> headers, String name) {
        String found = null;
        for (String key : Set.copyOf(headers.keySet())) {
            if (key.equalsIgnoreCase(name)) {
                found = headers.remove(key);
            }
        }
        return found;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (!NotificationText.isBlank(value)) {
                return value.strip();
            }
        }
        return null;
    }

    @Override
    public Verdict judge(OutboundResponse response) {
        return NotificationAnswer.byStatus(
                response, "the custom webhook", response.successful() ? null : NotificationAnswer.quoted(response));
    }
}
