package org.herald.events.topic;

import java.util.List;

/**
 * A Kafka topic: its name, what its record key holds, the type of its values and the event types
 * that may appear on it. {@code published} topics are an API that analytics teams consume; the
 * others are internal between Herald's services. A {@code compacted} topic keeps the latest record per
 * key for ever (Kafka log compaction): it is a table of current state, not a stream of happenings.
 */
public record TopicDefinition<V>(
        String name,
        String key,
        Class<V> valueType,
        List<EventType<? extends V>> eventTypes,
        boolean published,
        boolean compacted) {

    public TopicDefinition {
        eventTypes = List.copyOf(eventTypes);
    }

    /** A topic whose records expire with the broker's retention. */
    public TopicDefinition(
            String name, String key, Class<V> valueType, List<EventType<? extends V>> eventTypes, boolean published) {
        this(name, key, valueType, eventTypes, published, false);
    }
}
