package org.herald.channel.webhook.delivery;

import java.util.Map;

/** The request a target type wants: its body, content type and extra headers. */
public record WebhookRequest(byte[] body, String contentType, Map<String, String> headers) {

    public WebhookRequest {
        headers = Map.copyOf(headers);
    }
}
