package org.herald.transport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.herald.events.topic.EventType;
import org.herald.events.topic.TopicDefinition;
import tools.jackson.core.JacksonException;

/** Reads a binary-mode CloudEvent from a Kafka record, choosing the record type by {@code ce_type}. */
public final class EventReader {

    public <V> ReceivedEvent<V> read(TopicDefinition<V> topic, ConsumerRecord<String, byte[]> record) {
        String type = header(record, CloudEventHeaders.TYPE);
        EventType<? extends V> eventType = topic.eventTypes().stream()
                .filter(candidate -> candidate.ceType().equals(type))
                .findFirst()
                .orElseThrow(() -> new UnreadableEventException("unknown ce_type '" + type + "' on " + topic.name()));
        if (record.value() == null) {
            throw new UnreadableEventException("empty event data on " + topic.name());
        }
        V data;
        try {
            data = EventJson.mapper().readValue(record.value(), eventType.dataType());
        } catch (JacksonException e) {
            throw new UnreadableEventException(
                    "data of " + type + " at " + topic.name() + "@" + record.offset() + " does not map", e);
        }
        return new ReceivedEvent<>(
                header(record, CloudEventHeaders.ID),
                type,
                header(record, CloudEventHeaders.SOURCE),
                time(header(record, CloudEventHeaders.TIME)),
                record.key(),
                data);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Instant time(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
