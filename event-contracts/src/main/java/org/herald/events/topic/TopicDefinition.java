package org.herald.events.topic;

import java.util.List;

/**
 * A Kafka topic: its name, what its record key holds, the type of its values and the event types
 * that may appear on it. {@code published} topics are an API that analytics teams consume; the
 * others are internal between Herald's services.
 */
public record TopicDefinition<V>(
        String name, String key, Class<V> valueType, List<EventType<? extends V>> eventTypes, boolean published) {

    public TopicDefinition {
        eventTypes = List.copyOf(eventTypes);
    }
}
