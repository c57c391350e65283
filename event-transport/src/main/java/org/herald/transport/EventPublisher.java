package org.herald.transport;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.herald.events.topic.EventType;
import org.herald.events.topic.TopicDefinition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes events as binary-mode CloudEvents. The producer behind it runs with acks=all and
 * idempotence, so a completed future means the broker has the event durably.
 */
public class EventPublisher {

    private final KafkaOperations<String, byte[]> kafka;
    private final String source;
    private final Clock clock;

    public EventPublisher(KafkaOperations<String, byte[]> kafka, String source, Clock clock) {
        this.kafka = kafka;
        this.source = source;
        this.clock = clock;
    }

    /** A publisher writing the same CloudEvents through another producer (one configured differently). */
    public EventPublisher through(KafkaOperations<String, byte[]> other) {
        return new EventPublisher(other, source, clock);
    }

    /**
     * Sends one event.
     *
     * @param eventId the {@code ce_id}; stable for the same logical event so consumers can de-duplicate
     */
    public <V, E extends V> CompletableFuture<RecordMetadata> publish(
            TopicDefinition<V> topic, EventType<E> type, String key, String eventId, E data) {
        if (!topic.eventTypes().contains(type)) {
            throw new IllegalArgumentException(type.ceType() + " does not belong on " + topic.name());
        }
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic.name(), key, EventJson.mapper().writeValueAsBytes(data));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.ID, eventId);
        header(record, CloudEventHeaders.TYPE, type.ceType());
        header(record, CloudEventHeaders.SOURCE, source);
        header(record, CloudEventHeaders.TIME, clock.instant().toString());
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return kafka.send(record).thenApply(SendResult::getRecordMetadata);
    }

    /** Sends one event and waits for the broker's acknowledgement. */
    public <V, E extends V> RecordMetadata publishAndWait(
            TopicDefinition<V> topic, EventType<E> type, String key, String eventId, E data, Duration timeout) {
        CompletableFuture<RecordMetadata> ack = publish(topic, type, key, eventId, data);
        awaitAll(topic, List.of(ack), timeout);
        return ack.join();
    }

    /** Waits for the broker's acknowledgement of events sent with {@link #publish}, together. */
    public void awaitAll(
            TopicDefinition<?> topic, Collection<CompletableFuture<RecordMetadata>> acks, Duration timeout) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(topic.name(), e);
        } catch (ExecutionException e) {
            throw new PublishFailedException(topic.name(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailedException(topic.name(), e);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
