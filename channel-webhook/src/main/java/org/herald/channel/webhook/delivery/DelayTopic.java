package org.herald.channel.webhook.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.herald.events.topic.Topics;
import org.herald.transport.PublishFailedException;
import org.springframework.kafka.core.KafkaOperations;

/**
 * {@code herald.deliveries.webhook.delay}: where a request waits that could not be sent yet (the
 * target's rate limit is full, or its host has too many calls in flight) without it counting as an
 * attempt. The record keeps every header (so spring-kafka's attempt count is unchanged) and gains
 * when it may go on and the topic it goes back to.
 */
public final class DelayTopic {

    /** {@code herald.deliveries.webhook} + {@code .delay}; a literal, as listener annotations need one. */
    public static final String NAME = "herald.deliveries.webhook.delay";

    static final String NOT_BEFORE = "herald-not-before";
    static final String RETURN_TO = "herald-return-to";

    private final KafkaOperations<String, byte[]> kafka;
    private final Duration timeout;

    DelayTopic(KafkaOperations<String, byte[]> kafka, Duration timeout) {
        this.kafka = kafka;
        this.timeout = timeout;
    }

    /** Parks {@code record} (from its own topic or a retry topic) until {@code notBefore}. */
    void park(ConsumerRecord<String, byte[]> record, Instant notBefore) {
        send(copy(record, NAME, notBefore, record.topic()));
    }

    /** Parks a record from the delay topic again, keeping where it returns to. */
    void parkAgain(ConsumerRecord<String, byte[]> record, Instant notBefore) {
        send(copy(record, NAME, notBefore, returnTo(record)));
    }

    /** Sends a record whose time has come back to the topic it was parked from. */
    void release(ConsumerRecord<String, byte[]> record) {
        send(copy(record, returnTo(record), null, null));
    }

    static Instant notBefore(ConsumerRecord<?, ?> record) {
        String value = text(record, NOT_BEFORE);
        return value == null ? Instant.EPOCH : Instant.ofEpochMilli(Long.parseLong(value));
    }

    static String returnTo(ConsumerRecord<?, ?> record) {
        String topic = text(record, RETURN_TO);
        return topic == null ? Topics.DELIVERIES_WEBHOOK.name() : topic;
    }

    private static ProducerRecord<String, byte[]> copy(
            ConsumerRecord<String, byte[]> record, String topic, Instant notBefore, String returnTo) {
        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(topic, null, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!header.key().equals(NOT_BEFORE) && !header.key().equals(RETURN_TO)) {
                copy.headers().add(header);
            }
        }
        if (notBefore != null) {
            copy.headers().add(NOT_BEFORE, bytes(Long.toString(notBefore.toEpochMilli())));
            copy.headers().add(RETURN_TO, bytes(returnTo));
        }
        return copy;
    }

    /** Waits for the broker's ack, so the source offset is committed only once the copy is durable. */
    private void send(ProducerRecord<String, byte[]> record) {
        try {
            kafka.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishFailedException(record.topic(), e);
        }
    }

    private static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
