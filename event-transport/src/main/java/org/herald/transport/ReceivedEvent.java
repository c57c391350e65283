package org.herald.transport;

import java.time.Instant;

/** An event read from Kafka: its CloudEvents attributes and its data. */
public record ReceivedEvent<E>(String id, String type, String source, Instant time, String key, E data) {}
