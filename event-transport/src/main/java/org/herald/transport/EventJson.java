package org.herald.transport;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of event data. Producers and consumers must agree on it, so it is not left
 * to each service's Jackson settings.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            // A consumer must keep working when a producer adds an optional field (a minor version).
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {}

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
