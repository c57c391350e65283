package org.herald.channel.webhook.delivery;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The formats this service can deliver, by target type. */
public final class WebhookFormats {

    private final Map<String, WebhookFormat> byType = new HashMap<>();

    public WebhookFormats(List<WebhookFormat> formats) {
        for (WebhookFormat format : formats) {
            for (String type : format.types()) {
                if (byType.putIfAbsent(type.toUpperCase(Locale.ROOT), format) != null) {
                    throw new IllegalStateException("two webhook formats claim type " + type);
                }
            }
        }
    }

    public Optional<WebhookFormat> forType(String type) {
        return type == null ? Optional.empty() : Optional.ofNullable(byType.get(type.toUpperCase(Locale.ROOT)));
    }
}
