package org.herald.channel.webhook.delivery;

import java.util.Map;

/**
 * A delivery's target with its sealed parts opened, just before the request is built. Never logged:
 * the address of a robot carries its access key.
 *
 * @param address the opened address (the webhook URL)
 * @param secret the opened signing secret, or null when the target has none
 * @param attributes the target's non-secret settings
 */
public record OpenedTarget(String address, String secret, Map<String, String> attributes) {

    public OpenedTarget {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    @Override
    public String toString() {
        return "OpenedTarget[address=<sealed>, secret=<sealed>, attributes=" + attributes + "]";
    }
}
