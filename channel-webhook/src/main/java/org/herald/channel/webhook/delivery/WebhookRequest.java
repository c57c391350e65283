package org.herald.channel.webhook.delivery;

import java.util.Map;

/**
 * The request a target type wants.
 *
 * @param method the HTTP method, POST for most targets
 * @param url the URL to call; carries the target's key, so it is never logged beyond scheme and host
 * @param body the body; empty for a GET
 * @param contentType the body's content type, or null for a GET
 * @param headers extra headers
 */
public record WebhookRequest(String method, String url, byte[] body, String contentType, Map<String, String> headers) {

    public WebhookRequest {
        headers = Map.copyOf(headers);
    }

    /** A POST of {@code body} to {@code url}: what nearly every target takes. */
    public static WebhookRequest post(String url, byte[] body, String contentType, Map<String, String> headers) {
        return new WebhookRequest("POST", url, body, contentType, headers);
    }

    @Override
    public String toString() {
        return "WebhookRequest[" + method + " " + org.herald.outbound.UrlGuard.redact(url) + ", " + body.length
                + " bytes]";
    }
}
