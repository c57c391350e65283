package org.herald.channel.webhook.robot;

import org.herald.events.delivery.DeliveryRequested;
import org.herald.rendering.MessageRenderer;
import org.herald.rendering.RenderedMessage;

/** The content of a delivery in the forms chat robots take, rendered once per attempt. */
public final class RobotText {

    private static final MessageRenderer RENDERER = new MessageRenderer();

    private RobotText() {}

    public static RenderedMessage render(DeliveryRequested request) {
        return RENDERER.render(request.template(), nonNull(request.title()), nonNull(request.content()));
    }

    /** True for the templates that are sent as plain text (pushplus sends txt as a text message). */
    public static boolean plain(DeliveryRequested request) {
        return "txt".equalsIgnoreCase(request.template());
    }

    public static String nonNull(String value) {
        return value == null ? "" : value;
    }

    /** Title, blank line, body; just the body when there is no title. */
    public static String titled(String title, String body) {
        return title == null || title.isBlank() ? body : title + "\n\n" + body;
    }
}
