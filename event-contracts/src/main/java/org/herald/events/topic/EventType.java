package org.herald.events.topic;

/**
 * One kind of event: its CloudEvents {@code ce_type}, the record carried as data, and the JSON
 * Schema under {@code docs/events/} that describes that data.
 */
public record EventType<E>(String ceType, Class<E> dataType, String schema) {}
